package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.crypto.MasterKey;
import io.gatehouse.crypto.SelfSignedSpKeyGenerator;
import io.gatehouse.domain.model.WorkspaceId;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoConfigurationEndToEndTest {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void importingKeycloakMetadataFillsTheIdpAndDefaultsAndPublishesSpMetadata() throws Exception {
        Admin admin = admin("kc");

        var saved = admin.post(body(Map.of("idp_metadata_xml", fixture("keycloak.xml"), "email_domains", List.of("Acme-KC.Example.COM"))))
                .expect(201).json();

        assertThat(saved).containsEntry("idp_entity_id", "https://keycloak.fixture.example/realms/acme")
                .containsEntry("idp_sso_url", "https://keycloak.fixture.example/realms/acme/protocol/saml")
                .containsEntry("email_domains", List.of("acme-kc.example.com"))
                .containsEntry("enabled", false).containsEntry("sign_authn_requests", true).containsEntry("want_assertions_encrypted", false)
                .containsEntry("allow_idp_initiated", false).containsEntry("jit_provisioning", true).containsEntry("default_role", "member")
                .containsEntry("enforce_sso", false).containsEntry("allow_legacy_algorithms", false)
                .containsEntry("attribute_mapping", Map.of("email", "email", "first_name", "firstName", "last_name", "lastName"))
                .doesNotContainKey("idp_metadata_xml");
        Map<?, ?> detail = (Map<?, ?>) ((List<?>) saved.get("idp_certificate_details")).get(0);
        assertThat((String) detail.get("subject")).contains("keycloak.fixture.example");
        assertThat((String) detail.get("sha256_fingerprint")).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(detail.get("not_after")).isNotNull();
        Map<?, ?> sp = (Map<?, ?>) saved.get("sp");
        assertThat(sp.get("entity_id")).isEqualTo(TestGatehouse.ORIGIN + "/api/v1/workspaces/" + admin.workspace + "/sso/metadata");
        assertThat(sp.get("acs_url")).isEqualTo(TestGatehouse.ORIGIN + "/api/v1/auth/saml2/login/" + admin.workspace);
        assertThat(sp.get("signing_certificate")).isNotEqualTo(sp.get("encryption_certificate"));
        assertThat(gatehouse.get("/api/v1/workspaces/" + admin.workspace + "/sso", "Cookie", "gatehouse_session=" + admin.cookie)
                .expect(200).json()).isEqualTo(saved);

        var metadata = gatehouse.get("/api/v1/workspaces/" + admin.workspace + "/sso/metadata").expect(200);
        assertThat(metadata.header("Content-Type")).startsWith("application/samlmetadata+xml");
        Document document = parse(metadata.body());
        Element entity = document.getDocumentElement();
        assertThat(entity.getAttribute("entityID")).isEqualTo(sp.get("entity_id"));
        Element descriptor = (Element) entity.getElementsByTagNameNS(MD, "SPSSODescriptor").item(0);
        assertThat(descriptor.getAttribute("AuthnRequestsSigned")).isEqualTo("true");
        assertThat(descriptor.getAttribute("WantAssertionsSigned")).isEqualTo("true");
        Element acs = (Element) descriptor.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
        assertThat(acs.getAttribute("Location")).isEqualTo(sp.get("acs_url"));
        assertThat(acs.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(keyDescriptorCertificates(descriptor)).containsExactly(
                Map.entry("signing", der((String) sp.get("signing_certificate"))),
                Map.entry("encryption", der((String) sp.get("encryption_certificate"))));
    }

    @Test
    void oktaAndEntraShapedMetadataImportWithEveryRotationCertificate() {
        Admin okta = admin("okta");
        Admin entra = admin("entra");

        var fromOkta = okta.post(body(Map.of("idp_metadata_xml", fixture("okta.xml")))).expect(201).json();
        var fromEntra = entra.post(body(Map.of("idp_metadata_xml", fixture("entra.xml")))).expect(201).json();

        assertThat(fromOkta).containsEntry("idp_entity_id", "http://www.okta.com/exk1fixture0abc");
        assertThat((List<?>) fromOkta.get("idp_certificates")).hasSize(1);
        assertThat(fromEntra).containsEntry("idp_entity_id", "https://sts.windows.net/00000000-1111-2222-3333-444444444444/");
        assertThat((List<?>) fromEntra.get("idp_certificates")).hasSize(2);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndKeepsTheSpKeys() {
        Admin admin = admin("patch");
        var saved = admin.post(body(Map.of("idp_metadata_xml", fixture("okta.xml"), "email_domains", List.of("patch-corp.test")))).expect(201).json();

        var patched = gatehouse.request("PATCH", "/api/v1/workspaces/" + admin.workspace + "/sso").session(admin.cookie)
                .json("{\"enabled\":true,\"default_role\":\"admin\"}").send().expect(200).json();

        assertThat(patched).containsEntry("enabled", true).containsEntry("default_role", "admin")
                .containsEntry("idp_entity_id", saved.get("idp_entity_id")).containsEntry("email_domains", List.of("patch-corp.test"))
                .containsEntry("sp", saved.get("sp")).containsEntry("created_at", saved.get("created_at"));
        gatehouse.request("PATCH", "/api/v1/workspaces/" + admin.workspace + "/sso").session(admin.cookie)
                .json("{\"default_role\":\"owner\"}").send().problem(400, "validation_failed");
    }

    @Test
    void invalidFieldsAreReportedTogetherAsFieldErrors() throws Exception {
        Admin admin = admin("invalid");

        var problem = admin.post(body(Map.of("idp_entity_id", "https://idp.example", "idp_sso_url", "http://idp.example/sso",
                "idp_certificates", List.of("not a certificate", expiredCertificatePem()),
                "email_domains", List.of("gmail.com", "not a domain", "ok-corp.test")))).problem(400, "validation_failed");

        assertThat(fieldsOf(problem)).containsEntry("idp_sso_url", "must be an https URL (http only for a loopback host)")
                .containsEntry("idp_certificates[0]", "is not a PEM X.509 certificate")
                .containsKeys("idp_certificates[1]", "email_domains[0]", "email_domains[1]");
        assertThat(fieldsOf(problem).get("idp_certificates[1]")).startsWith("expired on");
        assertThat(fieldsOf(admin.post("{}").problem(400, "validation_failed")))
                .containsKeys("idp_entity_id", "idp_sso_url", "idp_certificates");
        gatehouse.get("/api/v1/workspaces/" + admin.workspace + "/sso", "Cookie", "gatehouse_session=" + admin.cookie)
                .problem(404, "sso_not_configured");
    }

    @Test
    void hostileOrUnusableMetadataIsAFieldErrorOnTheMetadata() {
        Admin admin = admin("hostile");

        for (String name : List.of("xxe.xml", "billion-laughs.xml", "aggregate-two-idps.xml", "post-binding-only.xml")) {
            var problem = admin.post(body(Map.of("idp_metadata_xml", fixture(name)))).problem(400, "validation_failed");
            assertThat(fieldsOf(problem)).as(name).containsKey("idp_metadata_xml");
        }
        assertThat(fieldsOf(admin.post(body(Map.of("idp_metadata_xml", fixture("xxe.xml")))).json()).get("idp_metadata_xml"))
                .contains("DOCTYPE");
    }

    @Test
    void namingADomainClaimsItButOnlyAVerifiedDomainIsRefusedToOtherWorkspaces() {
        Admin first = admin("first");
        Admin second = admin("second");
        first.post(body(Map.of("idp_metadata_xml", fixture("okta.xml"), "email_domains", List.of("shared-corp.test")))).expect(201);
        // A pending claim blocks nobody: the stranger's claim must not keep the real owner out.
        second.post(body(Map.of("idp_metadata_xml", fixture("keycloak.xml"), "email_domains", List.of("SHARED-corp.test.")))).expect(201);
        var claims = gatehouse.request("GET", "/api/v1/workspaces/" + first.workspace + "/domains").session(first.cookie).send()
                .expect(200).jsonList();
        assertThat(claims).singleElement().satisfies(d -> assertThat(d).containsEntry("domain", "shared-corp.test")
                .containsEntry("status", "pending"));

        String record = (String) ((Map<?, ?>) claims.get(0).get("verification")).get("record_value");
        gatehouse.dns().txt("_gatehouse-challenge.shared-corp.test", record);
        gatehouse.request("POST", "/api/v1/workspaces/" + first.workspace + "/domains/shared-corp.test/verify").session(first.cookie)
                .send().expect(200);

        var taken = second.post(body(Map.of("idp_metadata_xml", fixture("keycloak.xml"), "email_domains", List.of("shared-corp.test"))))
                .problem(409, "domain_taken");
        assertThat(taken.get("detail").toString()).contains("shared-corp.test");
        gatehouse.request("GET", "/api/v1/workspaces/" + second.workspace + "/domains").session(second.cookie).send().expect(200)
                .jsonList().forEach(d -> assertThat(d).containsEntry("status", "pending").containsEntry("problem", "domain_taken"));

        gatehouse.request("DELETE", "/api/v1/workspaces/" + first.workspace + "/domains/shared-corp.test").session(first.cookie).send()
                .expect(204);
        second.post(body(Map.of("idp_metadata_xml", fixture("keycloak.xml"), "email_domains", List.of("shared-corp.test")))).expect(201);
    }

    @Test
    void onlyWorkspaceAdminsManageSsoAndOtherWorkspacesSeeNothing() {
        Admin owner = admin("rbac");
        owner.post(body(Map.of("idp_metadata_xml", fixture("okta.xml")))).expect(201);
        gatehouse.signUpVerified("rbac-member@example.com");
        gatehouse.addMember(owner.workspace, owner.cookie, "rbac-member@example.com", "member");
        String member = gatehouse.login("rbac-member@example.com");
        Admin stranger = admin("rbac-stranger");
        String path = "/api/v1/workspaces/" + owner.workspace + "/sso";

        gatehouse.get(path, "Cookie", "gatehouse_session=" + member).problem(403, "forbidden");
        gatehouse.request("PATCH", path).session(member).json("{\"enabled\":true}").send().problem(403, "forbidden");
        gatehouse.get(path, "Cookie", "gatehouse_session=" + stranger.cookie).problem(404, "not_found");
        gatehouse.request("POST", path).session(stranger.cookie).json(body(Map.of("idp_metadata_xml", fixture("okta.xml")))).send()
                .problem(404, "not_found");
        gatehouse.request("DELETE", path).session(stranger.cookie).send().problem(404, "not_found");
        gatehouse.get(path, "Cookie", "gatehouse_session=" + owner.cookie).expect(200);
        gatehouse.get("/api/v1/workspaces/" + UUID.randomUUID() + "/sso/metadata").problem(404, "sso_not_configured");
    }

    @Test
    void spPrivateKeysAreStoredEncryptedAndMatchThePublishedCertificates() throws Exception {
        Admin admin = admin("keys");
        var saved = admin.post(body(Map.of("idp_metadata_xml", fixture("okta.xml")))).expect(201).json();
        String signingPem = (String) ((Map<?, ?>) saved.get("sp")).get("signing_certificate");

        String stored = column("SELECT sp_signing_key FROM sso_configurations WHERE workspace_id = ?", admin.workspace);

        assertThat(stored).doesNotContain("PRIVATE KEY").doesNotStartWith("MII");
        assertThat(saved.toString()).doesNotContain("PRIVATE KEY").doesNotContain(stored);
        byte[] pkcs8 = gatehouse.context().getBean(MasterKey.class)
                .decrypt(stored, SelfSignedSpKeyGenerator.keyContext(new WorkspaceId(UUID.fromString(admin.workspace)), "signing"));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(signingPem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus()).isEqualTo(key.getModulus());
        assertThat(key.getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        assertThat(gatehouse.auditActions(admin.workspace)).contains("sso.created");
    }

    /** A workspace owner with a fresh workspace. */
    private Admin admin(String name) {
        String email = "sso-" + name + "@example.com";
        var created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"" + name + "\"}").expect(201).json();
        return new Admin((String) ((Map<?, ?>) created.get("workspace")).get("id"), gatehouse.login(email));
    }

    private final class Admin {
        final String workspace;
        final String cookie;

        Admin(String workspace, String cookie) {
            this.workspace = workspace;
            this.cookie = cookie;
        }

        TestGatehouse.Response post(String json) {
            return gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/sso").session(cookie).json(json).send();
        }
    }

    private String body(Map<String, Object> fields) {
        try {
            return gatehouse.context().getBean(JsonMapper.class).writeValueAsString(fields);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> fieldsOf(Map<String, Object> problem) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Object error : (List<?>) problem.get("errors")) {
            fields.put((String) ((Map<?, ?>) error).get("field"), (String) ((Map<?, ?>) error).get("message"));
        }
        return fields;
    }

    private static String fixture(String name) {
        try (InputStream in = SsoConfigurationEndToEndTest.class.getResourceAsStream("/metadata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String expiredCertificatePem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=expired.fixture.example");
        Instant now = Instant.now();
        var holder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(730))),
                Date.from(now.minus(Duration.ofDays(1))), subject, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(holder);
        }
        return pem.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Map.Entry<String, String>> keyDescriptorCertificates(Element descriptor) {
        List<Map.Entry<String, String>> keys = new ArrayList<>();
        NodeList descriptors = descriptor.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < descriptors.getLength(); i++) {
            Element key = (Element) descriptors.item(i);
            String value = key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(0).getTextContent();
            keys.add(Map.entry(key.getAttribute("use"), value.replaceAll("\\s", "")));
        }
        return keys;
    }

    private static String der(String pem) {
        return pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "").replaceAll("\\s", "");
    }

    private String column(String sql, String workspace) {
        return gatehouse.column(sql, UUID.fromString(workspace)).get(0);
    }
}
