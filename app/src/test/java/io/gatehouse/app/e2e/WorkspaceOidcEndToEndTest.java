package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.TestOpenIdProvider;
import io.gatehouse.oidc.TestOpenIdProvider.Signing;
import io.gatehouse.saml.TestIdentityProvider;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Workspaces' OpenID Connect connections ({@code protocol: "oidc"}), against the in-test provider: the configuration
 * (the client secret sealed, write-only), discovery by verified domain across protocols, JIT with the default role, the
 * link confirmation, enforcement, and every refusal with its code, no session, no account, and an event saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class WorkspaceOidcEndToEndTest {

    private final TestOpenIdProvider op = new TestOpenIdProvider();
    private final TestOpenIdProvider other = new TestOpenIdProvider();
    private final TestIdentityProvider samlIdp = new TestIdentityProvider("Workspace OIDC test IdP");
    // The in-test provider listens on loopback, which a tenant's connection may reach only when the operator allows it.
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of("gatehouse.oidc.connections-allow-private-addresses", true));
    private OidcWorkspace workspace;

    @BeforeEach
    void wellBehaved() {
        op.reset();
        other.reset();
        workspace = OidcWorkspace.create(gatehouse, op, Map.of("default_role", "admin"));
    }

    @AfterAll
    void stop() {
        gatehouse.close();
        op.close();
        other.close();
    }

    @Test
    void theClientSecretIsWriteOnlyAndSealedAtRest() {
        Map<String, Object> shown = gatehouse.request("GET", "/api/v1/workspaces/" + workspace.id + "/sso").session(workspace.ownerCookie)
                .send().expect(200).json();

        assertThat(shown).containsEntry("protocol", "oidc").containsEntry("oidc_issuer", op.issuer())
                .containsEntry("oidc_client_id", TestOpenIdProvider.CLIENT_ID).containsEntry("oidc_client_secret_set", true)
                .containsEntry("oidc_scopes", "openid email profile")
                .containsEntry("oidc_redirect_uri", "http://localhost/api/v1/auth/oidc/callback");
        assertThat(gatehouse.request("GET", "/api/v1/workspaces/" + workspace.id + "/sso").session(workspace.ownerCookie).send().body())
                .doesNotContain(TestOpenIdProvider.CLIENT_SECRET);
        assertThat(workspace.config.toString()).doesNotContain(TestOpenIdProvider.CLIENT_SECRET);
        List<String> stored = gatehouse.column("SELECT oidc_client_secret FROM sso_configurations WHERE workspace_id = ?",
                java.util.UUID.fromString(workspace.id));
        assertThat(stored.get(0)).isNotBlank().doesNotContain(TestOpenIdProvider.CLIENT_SECRET);
        assertThat(gatehouse.column("SELECT detail FROM audit_events WHERE workspace_id = ?", java.util.UUID.fromString(workspace.id)))
                .noneMatch(detail -> detail != null && detail.contains(TestOpenIdProvider.CLIENT_SECRET));

        // A change without the secret keeps it: sign-in still works with the secret given first.
        workspace.patch("{\"oidc_scopes\":\"openid email\"}").expect(200);
        String email = workspace.person("kept");
        op.signsIn("sub-" + email, email, true);
        signIn(email, "").expect(200);
    }

    @Test
    void anIncompleteConnectionIsRefusedFieldByField() {
        String owner = "fresh" + System.nanoTime() + "@fresh.example";
        String id = (String) ((Map<?, ?>) gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"Fresh\"}").expect(201).json().get("workspace")).get("id");
        gatehouse.verifyEmail(owner);
        Map<String, Object> problem = gatehouse.request("POST", "/api/v1/workspaces/" + id + "/sso").session(gatehouse.login(owner))
                .json("{\"protocol\":\"oidc\",\"oidc_issuer\":\"http://idp.example\",\"oidc_scopes\":\"email\"}").send()
                .problem(400, "validation_failed");

        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field"))
                .contains("oidc_issuer", "oidc_client_id", "oidc_client_secret", "oidc_scopes").doesNotContain("idp_entity_id", "idp_sso_url");
    }

    @Test
    void discoveryByVerifiedDomainSpeaksEachWorkspacesProtocol() {
        String email = workspace.person("finds");
        Map<String, Object> json = gatehouse.get("/api/v1/auth/sso/login?email=" + email).expect(200).json();
        assertThat((String) json.get("sso_url")).startsWith(op.issuer() + "/authorize?");
        assertThat(TestOpenIdProvider.queryOf((String) json.get("sso_url"))).containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", "http://localhost/api/v1/auth/oidc/callback");
        TestGatehouse.Response browser = gatehouse.get("/api/v1/auth/sso/login?email=" + email, "Accept", "text/html").expect(302);
        assertThat(browser.cookie("gatehouse_oidc")).as("the sign-in is bound to this browser").isNotBlank();
        gatehouse.get("/api/v1/auth/saml2/login?email=" + email).problem(404, "sso_not_configured");

        SsoWorkspace saml = SsoWorkspace.create(gatehouse, samlIdp, Map.of());
        assertThat((String) gatehouse.get("/api/v1/auth/sso/login?email=someone@" + saml.domain).expect(200).json().get("sso_url"))
                .startsWith(TestIdentityProvider.SSO_URL);
        gatehouse.get("/api/v1/auth/sso/login?email=someone@unknown.example").problem(404, "sso_not_configured");
        gatehouse.get("/api/v1/auth/sso/login?email=not-an-email").problem(400, "invalid_email");
    }

    @Test
    void aNewPersonIsProvisionedJustInTimeWithTheDefaultRole() {
        String email = workspace.person("new");
        op.signsIn("sub-" + email, email, true);

        TestGatehouse.Response answer = signIn(email, "redirect=/account");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/account");
        String session = answer.cookie("gatehouse_session");
        assertThat(gatehouse.request("GET", "/api/v1/me/sessions").session(session).send().expect(200).jsonList().get(0))
                .containsEntry("auth_method", "oidc");
        assertThat(workspace.roleOf(email)).isEqualTo("admin");
        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(session).send().expect(200).jsonList())
                .extracting(link -> link.get("provider_name")).containsExactly(workspace.provider());
        assertThat(workspace.newestEvent()).containsEntry("outcome", "success").containsEntry("email", email);
        assertThat((String) workspace.newestEvent().get("detail")).contains("OpenID Connect");

        // Signing in again finds the same account by (provider, sub).
        assertThat(signIn(email, "").expect(200).json().get("user")).isInstanceOf(Map.class);
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isEqualTo(1);
    }

    @Test
    void anExistingAccountIsLinkedOnlyAfterItsPassword() {
        String email = workspace.person("existing");
        gatehouse.signUpVerified(email);
        op.signsIn("sub-" + email, email, true);

        Map<String, Object> problem = signIn(email, "").problem(409, "sso_link_confirmation_required");
        assertThat(workspace.newestEvent()).containsEntry("outcome", "confirmation_required");
        assertThat(workspace.roleOf(email)).isNull();

        TestGatehouse.Response enabled = gatehouse.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\""
                + problem.get("confirmation_code") + "\",\"password\":\"" + PASSWORD + "\"}").expect(200);
        assertThat(gatehouse.request("GET", "/api/v1/me/sessions").session(enabled.cookie("gatehouse_session")).send().jsonList().get(0))
                .containsEntry("auth_method", "oidc");
        assertThat(workspace.roleOf(email)).isEqualTo("admin");
        assertThat(signIn(email, "").status()).as("now a plain sign-in").isEqualTo(200);
    }

    @Test
    void aMemberLinksTheWorkspacesIdpFromTheirAccount() {
        String email = workspace.person("linker");
        gatehouse.signUpVerified(email);
        String session = gatehouse.login(email);
        op.signsIn("sub-link-" + email, email, true);

        TestGatehouse.Response started = gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(session)
                .json("{\"provider_name\":\"" + workspace.provider() + "\"}").send().expect(302);
        TestGatehouse.Response linked = new OidcSignIn(gatehouse).callback(OidcSignIn.authorize(started.header("Location")),
                started.cookie("gatehouse_oidc"));

        linked.expect(200);
        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(session).send().expect(200).jsonList())
                .extracting(link -> link.get("provider_name")).containsExactly(workspace.provider());
    }

    @Test
    void enforcementRefusesPasswordsForTheWorkspacesDomain() {
        String email = workspace.person("enforced");
        gatehouse.signUpVerified(email);
        workspace.patch("{\"enforce_sso\":true}").expect(200);

        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").problem(403, "sso_required");
    }

    // --- refusals: a code, no session, no account, and the workspace's event says why ---

    @Test
    void anEmailTheIdpDoesNotVouchForIsRefused() {
        refused(person -> op.signsIn("sub-" + person, person, false), "oidc_email_not_verified", "email_verified");
    }

    @Test
    void anAddressOutsideTheWorkspacesDomainsIsRefused() {
        String outsider = "someone" + System.nanoTime() + "@elsewhere.example";
        op.signsIn("sub-" + outsider, outsider, true);

        signIn(workspace.person("x"), "").problem(401, "oidc_email_domain_not_allowed");

        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", outsider)).isZero();
        assertThat(workspace.newestEvent()).containsEntry("code", "oidc_email_domain_not_allowed");
    }

    /** A claimed domain counts only once verified: a workspace cannot make its IdP speak for another company's addresses. */
    @Test
    void aClaimedButUnverifiedDomainIsRefused() {
        String claimed = "claimed" + System.nanoTime() + ".example.net";
        workspace.patch("{\"email_domains\":[\"" + workspace.domain + "\",\"" + claimed + "\"]}").expect(200);
        String victim = "ceo@" + claimed;
        op.signsIn("sub-victim", victim, true);

        signIn(workspace.person("x"), "").problem(409, "domain_not_verified");

        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", victim)).isZero();
        assertThat(workspace.newestEvent()).containsEntry("code", "domain_not_verified");
    }

    @Test
    void withoutJustInTimeProvisioningAStrangerIsRefused() {
        workspace.patch("{\"jit_provisioning\":false}").expect(200);
        refused(person -> op.signsIn("sub-" + person, person, true), "oidc_user_not_provisioned", "just-in-time");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        refused(person -> op.signsIn("sub-" + person, person, true).bend(claims -> claims.issuer("https://evil.example")),
                "oidc_issuer_mismatch", "https://evil.example");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        refused(person -> op.signsIn("sub-" + person, person, true).bend(claims -> claims.audience("someone-else")),
                "oidc_audience_mismatch", "someone-else");
    }

    @Test
    void anIdTokenSignedByAnotherKeyOrUnsignedIsRefused() {
        refused(person -> op.signsIn("sub-" + person, person, true).signing(Signing.OTHER_KEY), "oidc_id_token_invalid", "signature");
        refused(person -> op.signsIn("sub-" + person, person, true).signing(Signing.NONE), "oidc_id_token_invalid", "");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        refused(person -> op.signsIn("sub-" + person, person, true).bend(claims -> claims.expirationTime(Date.from(Instant.now()
                .minusSeconds(600))).issueTime(Date.from(Instant.now().minusSeconds(900)))), "oidc_token_expired", "expired");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        refused(person -> op.signsIn("sub-" + person, person, true).bend(claims -> claims.claim("nonce", "another")),
                "oidc_nonce_mismatch", "nonce");
    }

    /** The callback knows whom it waits for from the state: another provider's code or issuer is refused (RFC 9700 4.4). */
    @Test
    void aMixUpWithAnotherProviderIsRefused() {
        String email = workspace.person("mixup");
        op.signsIn("sub-" + email, email, true);
        other.signsIn("sub-other-" + email, email, true);
        OidcSignIn browser = new OidcSignIn(gatehouse);
        String ours = OidcSignIn.authorize(browser.startSso(email, ""));
        String state = TestOpenIdProvider.queryOf("http://x" + ours).get("state");
        String foreignCode = TestOpenIdProvider.queryOf("http://x" + OidcSignIn.authorize(other.issuer() + "/authorize?redirect_uri="
                + "http://localhost/cb&state=s&nonce=n&code_challenge=c")).get("code");

        browser.callback("/api/v1/auth/oidc/callback?code=" + foreignCode + "&state=" + state).problem(401, "oidc_code_refused");
        assertThat(workspace.newestEvent()).containsEntry("code", "oidc_code_refused");

        OidcSignIn again = new OidcSignIn(gatehouse);
        String answer = OidcSignIn.authorize(again.startSso(email, ""));
        again.callback(answer.replaceAll("iss=[^&]*", "iss=" + java.net.URLEncoder.encode(other.issuer(), java.nio.charset.StandardCharsets.UTF_8)))
                .problem(401, "oidc_issuer_mismatch");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
    }

    @Test
    void switchingSsoOffOrToSamlEndsTheConnection() {
        String email = workspace.person("switch");
        op.signsIn("sub-" + email, email, true);
        OidcSignIn browser = new OidcSignIn(gatehouse);
        String answer = OidcSignIn.authorize(browser.startSso(email, ""));

        workspace.patch("{\"enabled\":false}").expect(200);

        browser.callback(answer).problem(404, "sso_not_configured");
        assertThat(workspace.newestEvent()).containsEntry("code", "sso_not_configured");
        gatehouse.get("/api/v1/auth/sso/login?email=" + email).problem(404, "sso_not_configured");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
        // Its ACS takes no SAML response while the workspace speaks OpenID Connect.
        workspace.patch("{\"enabled\":true}").expect(200);
        gatehouse.request("POST", "/api/v1/auth/saml2/login/" + workspace.id).body("application/x-www-form-urlencoded", "SAMLResponse=x")
                .send().problem(404, "sso_not_configured");
    }

    /** A sign-in through {@code email}'s workspace, in a fresh browser. */
    private TestGatehouse.Response signIn(String email, String query) {
        OidcSignIn browser = new OidcSignIn(gatehouse);
        return browser.callback(OidcSignIn.authorize(browser.startSso(email, query)));
    }

    private void refused(Consumer<String> provider, String code, String detailMentions) {
        String person = workspace.person("refused");
        provider.accept(person);

        TestGatehouse.Response answer = signIn(person, "");

        assertThat(answer.status()).isIn(401, 409);
        assertThat(answer.json()).containsEntry("code", code);
        assertThat(answer.cookie("gatehouse_session")).isNull();
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", person)).isZero();
        Map<String, Object> event = workspace.newestEvent();
        assertThat(event).containsEntry("outcome", "failure").containsEntry("code", code);
        assertThat((String) event.get("detail")).contains(detailMentions);
    }
}
