package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;

import io.gatehouse.saml.TestIdentityProvider;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workspace whose owner configured SAML SSO with the test IdP for a domain of its own, and the
 * browser moves of a SAML login against it: start at Gatehouse, get the AuthnRequest to the IdP,
 * post the IdP's response to the ACS.
 */
public final class SsoWorkspace {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final TestGatehouse gatehouse;
    final TestIdentityProvider idp;
    public final String id;
    public final String domain;
    public final String ownerEmail;
    public final String ownerCookie;
    final Map<String, Object> config;

    private SsoWorkspace(TestGatehouse gatehouse, TestIdentityProvider idp, String id, String domain, String ownerEmail,
                         String ownerCookie, Map<String, Object> config) {
        this.gatehouse = gatehouse;
        this.idp = idp;
        this.id = id;
        this.domain = domain;
        this.ownerEmail = ownerEmail;
        this.ownerCookie = ownerCookie;
        this.config = config;
    }

    /** Creates the owner (whose email is in the domain), the workspace, and an enabled SSO configuration with {@code settings} on top. */
    public static SsoWorkspace create(TestGatehouse gatehouse, TestIdentityProvider idp, Map<String, Object> settings) {
        String domain = "corp" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid() + ".example.com";
        String owner = "owner@" + domain;
        var created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"" + domain + "\"}").expect(201).json();
        String id = (String) ((Map<?, ?>) created.get("workspace")).get("id");
        gatehouse.verifyEmail(owner);
        String cookie = gatehouse.login(owner);
        Map<String, Object> body = new HashMap<>(Map.of("enabled", true, "idp_entity_id", TestIdentityProvider.ENTITY_ID,
                "idp_sso_url", TestIdentityProvider.SSO_URL, "idp_certificates", List.of(idp.certificatePem()),
                "email_domains", List.of(domain)));
        body.putAll(settings);
        var config = gatehouse.request("POST", "/api/v1/workspaces/" + id + "/sso").session(cookie).json(json(gatehouse, body))
                .send().expect(201).json();
        SsoWorkspace workspace = new SsoWorkspace(gatehouse, idp, id, domain, owner, cookie, config);
        workspace.verifyDomain(domain);
        return workspace;
    }

    /** Publishes the claim's TXT record on the test DNS server and verifies the domain, as its owner would. */
    void verifyDomain(String name) {
        gatehouse.verifyDomain(id, ownerCookie, name);
    }

    /** The same workspace, driven through another node of the deployment. */
    SsoWorkspace on(TestGatehouse node) {
        return new SsoWorkspace(node, idp, id, domain, ownerEmail, ownerCookie, config);
    }

    public String acsUrl() {
        return (String) sp().get("acs_url");
    }

    public String spEntityId() {
        return (String) sp().get("entity_id");
    }

    String spSigningCertificate() {
        return (String) sp().get("signing_certificate");
    }

    String spEncryptionCertificate() {
        return (String) sp().get("encryption_certificate");
    }

    private Map<?, ?> sp() {
        return (Map<?, ?>) config.get("sp");
    }

    /** GET /auth/saml2/login for the email, then what the IdP receives. */
    TestIdentityProvider.ReceivedRequest start(String email, String query) {
        String url = (String) gatehouse.get("/api/v1/auth/saml2/login?email=" + encode(email) + query).expect(200).json().get("sso_url");
        return TestIdentityProvider.receive(url);
    }

    /** A response from the test IdP that answers {@code request} for {@code nameId}, correct in every respect. */
    TestIdentityProvider.Login answer(TestIdentityProvider.ReceivedRequest request, String nameId) {
        return idp.login(nameId).to(acsUrl(), spEntityId()).inResponseTo(request.id()).attribute("email", nameId);
    }

    /** An IdP-initiated response (no InResponseTo). */
    TestIdentityProvider.Login unsolicited(String nameId) {
        return idp.login(nameId).to(acsUrl(), spEntityId()).attribute("email", nameId);
    }

    TestGatehouse.Response post(String encodedResponse, String relayState) {
        String form = "SAMLResponse=" + encode(encodedResponse) + (relayState == null ? "" : "&RelayState=" + encode(relayState));
        return gatehouse.request("POST", "/api/v1/auth/saml2/login/" + id).body("application/x-www-form-urlencoded", form).send();
    }

    /** A full SP-initiated login: start, the IdP answers correctly, post to the ACS. */
    TestGatehouse.Response login(String email) {
        TestIdentityProvider.ReceivedRequest request = start(email, "");
        return post(answer(request, email).encoded(), request.relayState());
    }

    public List<Map<String, Object>> events() {
        return gatehouse.request("GET", "/api/v1/workspaces/" + id + "/sso/events").session(ownerCookie).send().expect(200).jsonList();
    }

    Map<String, Object> lastEvent() {
        return events().get(0);
    }

    TestGatehouse.Response patch(Map<String, Object> changes) {
        return gatehouse.request("PATCH", "/api/v1/workspaces/" + id + "/sso").session(ownerCookie).json(json(gatehouse, changes)).send();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String json(TestGatehouse gatehouse, Object value) {
        try {
            return gatehouse.context().getBean(JsonMapper.class).writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
