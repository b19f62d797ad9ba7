package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attack of issue #12, tried from outside: a stranger's workspace names another company's domain
 * in its SSO configuration. Until the domain's owner proves ownership through DNS, the claim does
 * nothing; once the owner verifies, the stranger can never verify it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainOwnershipEndToEndTest {

    private static final String ADMIN = "ops@gatehouse-ops.test";
    private static final TestIdentityProvider STRANGERS_IDP = new TestIdentityProvider("Stranger's IdP");
    private static final TestIdentityProvider VICTIMS_IDP = new TestIdentityProvider("Victim's IdP");
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "gatehouse.bootstrap-admin-email", ADMIN, "gatehouse.bootstrap-admin-password", PASSWORD));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void aStrangersClaimOnAnotherCompanysDomainHasNoEffectAndCanNeverBeVerified() {
        String domain = "victim-corp.test";
        gatehouse.signUp("alice@" + domain);
        Owner stranger = Owner.signUp(gatehouse, "mallory@stranger.test", "Stranger");
        stranger.saveSso(STRANGERS_IDP, domain, Map.of("enforce_sso", true, "allow_idp_initiated", true));

        // enforce_sso of the stranger's workspace does not reach the company's people.
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"alice@" + domain + "\",\"password\":\"" + PASSWORD + "\"}").expect(200);
        // Discovery does not send the company's people to the stranger's IdP.
        gatehouse.get("/api/v1/auth/saml2/login?email=bob@" + domain).problem(404, "sso_not_configured");
        // The stranger's IdP cannot provision the company's addresses.
        String acs = "http://localhost/api/v1/auth/saml2/login/" + stranger.workspace;
        String entity = "http://localhost/api/v1/workspaces/" + stranger.workspace + "/sso/metadata";
        var refused = gatehouse.request("POST", "/api/v1/auth/saml2/login/" + stranger.workspace).body("application/x-www-form-urlencoded",
                "SAMLResponse=" + SsoWorkspace.encode(STRANGERS_IDP.login("bob@" + domain).to(acs, entity).attribute("email", "bob@" + domain)
                        .encoded())).send();
        refused.problem(409, "domain_not_verified");
        assertThat(refused.setCookie("gatehouse_session")).isNull();
        assertThat(stranger.events().get(0)).containsEntry("code", "domain_not_verified").containsEntry("email", "bob@" + domain);
        gatehouse.signUp("bob@" + domain);

        // The stranger cannot publish in the company's zone, so its verification fails, saying why.
        var notVerified = stranger.verify(domain).problem(409, "domain_not_verified");
        assertThat(notVerified.get("detail").toString()).contains("_gatehouse-challenge." + domain).contains("NXDOMAIN");

        // The company proves ownership; from then on the stranger's claim is taken for good.
        Owner company = Owner.signUp(gatehouse, "it@" + domain, "Victim Corp");
        Map<String, Object> claim = company.claim(domain).expect(201).json();
        assertThat(claim).containsEntry("status", "pending").containsEntry("domain", domain);
        @SuppressWarnings("unchecked")
        Map<String, Object> verification = (Map<String, Object>) claim.get("verification");
        assertThat(verification).containsEntry("method", "dns_txt").containsEntry("record_name", "_gatehouse-challenge." + domain);
        assertThat((String) verification.get("record_value")).startsWith("gatehouse-domain-verification=");
        gatehouse.dns().txt("_gatehouse-challenge." + domain, (String) verification.get("record_value"));
        Map<String, Object> verified = company.verify(domain).expect(200).json();
        assertThat(verified).containsEntry("status", "verified").containsEntry("verified_by", "dns_txt");
        assertThat(verified.get("verified_at")).isNotNull();

        stranger.verify(domain).problem(409, "domain_taken");
        stranger.claim(domain).problem(409, "domain_taken");
        stranger.saveSso(STRANGERS_IDP, domain, Map.of()).problem(409, "domain_taken");
        assertThat(gatehouse.auditActions(company.workspace)).containsSubsequence("domain.claimed", "domain.verified");
        assertThat(gatehouse.auditActions(stranger.workspace)).contains("domain.verification_failed");

        // The owner's SSO now routes its domain.
        company.saveSso(VICTIMS_IDP, domain, Map.of()).expect(201);
        String ssoUrl = (String) gatehouse.get("/api/v1/auth/saml2/login?email=carol@" + domain).expect(200).json().get("sso_url");
        assertThat(ssoUrl).startsWith(TestIdentityProvider.SSO_URL);
    }

    @Test
    void badDomainsAreRefusedAndOnlyAdminsOfTheWorkspaceSeeItsDomains() {
        Owner owner = Owner.signUp(gatehouse, "owner@rules.test", "Rules");
        owner.claim("not a domain").problem(400, "invalid_domain");
        owner.claim("gmail.com").problem(400, "public_domain");
        owner.claim("rules.test").expect(201);
        owner.claim("RULES.test").expect(200);

        gatehouse.signUp("outsider@elsewhere.test");
        String outsider = gatehouse.login("outsider@elsewhere.test");
        gatehouse.request("GET", "/api/v1/workspaces/" + owner.workspace + "/domains").session(outsider).send().problem(404, "not_found");
        gatehouse.request("POST", "/api/v1/workspaces/" + owner.workspace + "/domains/rules.test/verify").session(outsider).send()
                .problem(404, "not_found");
        owner.verify("unclaimed.test").problem(404, "not_found");
    }

    @Test
    void aResolverThatDoesNotAnswerIsReportedAsSuch() {
        Owner owner = Owner.signUp(gatehouse, "owner@slow-dns.test", "Slow");
        owner.claim("slow-dns.test").expect(201);
        gatehouse.dns().silent(true);
        try {
            assertThat(owner.verify("slow-dns.test").problem(409, "domain_not_verified").get("detail").toString())
                    .contains("failed").contains("timeout");
        } finally {
            gatehouse.dns().silent(false);
        }
    }

    @Test
    void anInstanceAdministratorVouchesForADomainAndNobodyElseMay() {
        Owner owner = Owner.signUp(gatehouse, "owner@vouched.test", "Vouched");
        gatehouse.request("POST", "/api/v1/admin/workspaces/" + owner.workspace + "/domains/vouched.test/verify").session(owner.cookie)
                .send().problem(403, "forbidden");
        String admin = gatehouse.login(ADMIN);

        gatehouse.request("POST", "/api/v1/admin/workspaces/00000000-0000-0000-0000-000000000000/domains/vouched.test/verify")
                .session(admin).send().problem(404, "not_found");
        var vouched = gatehouse.request("POST", "/api/v1/admin/workspaces/" + owner.workspace + "/domains/vouched.test/verify")
                .session(admin).send().expect(200).json();

        assertThat(vouched).containsEntry("status", "verified").containsEntry("verified_by", "operator");
        assertThat(owner.domains()).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "verified"));
    }

    /** A workspace owner, driving the API with a session cookie. */
    private record Owner(TestGatehouse gatehouse, String workspace, String cookie) {

        static Owner signUp(TestGatehouse gatehouse, String email, String workspaceName) {
            var created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                    + "\",\"workspace_name\":\"" + workspaceName + "\"}").expect(201).json();
            return new Owner(gatehouse, (String) ((Map<?, ?>) created.get("workspace")).get("id"), gatehouse.login(email));
        }

        TestGatehouse.Response claim(String domain) {
            return gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/domains").session(cookie)
                    .json("{\"domain\":\"" + domain + "\"}").send();
        }

        TestGatehouse.Response verify(String domain) {
            return gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/domains/" + domain + "/verify").session(cookie).send();
        }

        List<Map<String, Object>> domains() {
            return gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/domains").session(cookie).send().expect(200).jsonList();
        }

        List<Map<String, Object>> events() {
            return gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/sso/events").session(cookie).send().expect(200).jsonList();
        }

        TestGatehouse.Response saveSso(TestIdentityProvider idp, String domain, Map<String, Object> settings) {
            Map<String, Object> body = new HashMap<>(Map.of("enabled", true, "idp_entity_id", TestIdentityProvider.ENTITY_ID,
                    "idp_sso_url", TestIdentityProvider.SSO_URL, "idp_certificates", List.of(idp.certificatePem()),
                    "email_domains", List.of(domain)));
            body.putAll(settings);
            return gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/sso").session(cookie)
                    .json(SsoWorkspace.json(gatehouse, body)).send();
        }
    }
}
