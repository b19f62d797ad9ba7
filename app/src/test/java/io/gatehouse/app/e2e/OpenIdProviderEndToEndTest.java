package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gatehouse as an OpenID Provider, spoken to at the HTTP level: client registration, discovery, the authorization code
 * flow with PKCE, ID token claims, UserInfo, refresh rotation, revocation, introspection, and every refusal the
 * contract lists (wrong redirect URI, missing or wrong PKCE, code replay, another client's code, bad secret, refresh
 * reuse, prompt=none without a session). A real relying-party library drives it in {@code OpenIdClientLibraryTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class OpenIdProviderEndToEndTest {

    private static final String ADMIN = "root@op.example";
    private static final String ADMIN_PASSWORD = "bootstrap admin passphrase";
    static final String REDIRECT = "https://app.example/callback";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of("gatehouse.bootstrap-admin-email", ADMIN,
            "gatehouse.bootstrap-admin-password", ADMIN_PASSWORD));
    private final String admin = gatehouse.login(ADMIN, ADMIN_PASSWORD);

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void theDiscoveryDocumentOffersTheCodeFlowWithPkceOnly() {
        Map<String, Object> discovery = gatehouse.get("/.well-known/openid-configuration").expect(200).json();

        assertThat(discovery).containsEntry("issuer", "http://localhost")
                .containsEntry("authorization_endpoint", "http://localhost/oauth2/authorize")
                .containsEntry("token_endpoint", "http://localhost/oauth2/token")
                .containsEntry("jwks_uri", "http://localhost/.well-known/jwks.json")
                .containsEntry("end_session_endpoint", "http://localhost/oauth2/logout")
                .containsEntry("authorization_response_iss_parameter_supported", true);
        assertThat((List<String>) discovery.get("response_types_supported")).containsExactly("code");
        assertThat((List<String>) discovery.get("code_challenge_methods_supported")).containsExactly("S256");
        assertThat((List<String>) discovery.get("grant_types_supported")).containsExactlyInAnyOrder("authorization_code", "refresh_token");
    }

    @Test
    void onlyInstanceAdminsRegisterClientsWithExactHttpsRedirectUrisAndTheSecretIsShownOnce() {
        String someone = person();
        gatehouse.request("POST", "/api/v1/admin/clients").session(gatehouse.login(someone))
                .json("{\"name\":\"x\",\"redirect_uris\":[\"" + REDIRECT + "\"]}").send().problem(403, "forbidden");
        Map<String, Object> problem = gatehouse.request("POST", "/api/v1/admin/clients").session(admin)
                .json("{\"name\":\"x\",\"redirect_uris\":[\"http://app.example/cb\",\"https://*.example/cb\",\"https://app.example/cb#f\"],"
                        + "\"allowed_scopes\":[\"openid\",\"admin\"]}").send().problem(400, "validation_failed");
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field"))
                .contains("redirect_uris[0]", "redirect_uris[1]", "redirect_uris[2]", "allowed_scopes[1]");

        Map<String, Object> client = register("confidential");
        assertThat((String) client.get("client_secret")).startsWith("ghcs_");
        Map<String, Object> shown = gatehouse.request("GET", "/api/v1/admin/clients/" + client.get("client_id")).session(admin).send()
                .expect(200).json();
        assertThat(shown).containsEntry("name", client.get("name")).doesNotContainKey("client_secret");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM oauth_clients WHERE secret_hash = ?", (String) client.get("client_secret"))).isZero();
    }

    @Test
    void aSignedInPersonGetsACodeThenTokensWhoseIdTokenSaysWhoWhenAndHow() throws Exception {
        Map<String, Object> client = register("confidential");
        String email = person();
        String session = gatehouse.login(email);
        Flow flow = new Flow(client);

        TestGatehouse.Response redirect = flow.authorize(session, "");
        Map<String, String> answer = query(redirect.header("Location"));
        assertThat(redirect.header("Location")).startsWith(REDIRECT + "?");
        assertThat(answer).containsEntry("state", flow.state).containsEntry("iss", "http://localhost").containsKey("code");

        Map<String, Object> tokens = flow.token(answer.get("code"), flow.verifier).expect(200).json();
        assertThat(tokens).containsEntry("token_type", "Bearer").containsKeys("access_token", "id_token", "refresh_token", "expires_in");
        assertThat(redirect.header("Cache-Control")).isEqualTo("no-store");
        JWTClaimsSet id = verified((String) tokens.get("id_token"));
        assertThat(id.getIssuer()).isEqualTo("http://localhost");
        assertThat(id.getAudience()).containsExactly((String) client.get("client_id"));
        assertThat(id.getStringClaim("nonce")).isEqualTo(flow.nonce);
        assertThat(id.getStringClaim("email")).isEqualTo(email);
        assertThat(id.getBooleanClaim("email_verified")).isTrue();
        assertThat(id.getStringListClaim("amr")).containsExactly("password");
        assertThat(id.getLongClaim("auth_time")).isNotNull();
        assertThat(id.getStringClaim("sid")).isNotBlank();
        assertThat(id.getSubject()).isEqualTo(gatehouse.request("GET", "/api/v1/me").session(session).send().json().get("id"));

        Map<String, Object> info = gatehouse.get("/oauth2/userinfo", "Authorization", "Bearer " + tokens.get("access_token")).expect(200).json();
        assertThat(info).containsEntry("sub", id.getSubject()).containsEntry("email", email);
        // A client's access token is for that client: it does not drive Gatehouse's own API.
        gatehouse.get("/api/v1/me", "Authorization", "Bearer " + tokens.get("access_token")).expect(401);
        gatehouse.get("/oauth2/userinfo", "Authorization", "Bearer " + tokens.get("id_token")).expect(401);
    }

    @Test
    void theWorkspacesScopeListsThePersonsWorkspacesWithTheirRole() throws Exception {
        Map<String, Object> client = register("confidential", "[\"openid\",\"email\",\"workspaces\"]");
        String email = person();
        gatehouse.postJson("/api/v1/signup", "{\"email\":\"w" + email + "\",\"password\":\"" + TestGatehouse.PASSWORD
                + "\",\"workspace_name\":\"Scoped\"}").expect(201);
        gatehouse.verifyEmail("w" + email);
        Flow flow = new Flow(client);
        flow.scope = "openid workspaces";

        Map<String, Object> tokens = flow.token(query(flow.authorize(gatehouse.login("w" + email), "").header("Location")).get("code"),
                flow.verifier).expect(200).json();

        List<Map<String, Object>> workspaces = (List<Map<String, Object>>) verified((String) tokens.get("id_token")).getClaim("workspaces");
        assertThat(workspaces).singleElement().satisfies(w -> assertThat(w).containsEntry("name", "Scoped").containsEntry("role", "owner"));
        assertThat(verified((String) tokens.get("id_token")).getClaim("email")).as("email was not asked for").isNull();
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheFamily() {
        Map<String, Object> client = register("confidential");
        Flow flow = new Flow(client);
        Map<String, Object> first = flow.token(query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code"),
                flow.verifier).expect(200).json();

        Map<String, Object> second = flow.refresh((String) first.get("refresh_token")).expect(200).json();
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        gatehouse.get("/oauth2/userinfo", "Authorization", "Bearer " + second.get("access_token")).expect(200);

        assertThat(flow.post("/oauth2/token", "grant_type=refresh_token&scope=openid%20workspaces&refresh_token=" + second.get("refresh_token"))
                .expect(400).json()).as("a refresh cannot widen the grant").containsEntry("error", "invalid_scope");

        assertThat(flow.refresh((String) first.get("refresh_token")).expect(400).json()).containsEntry("error", "invalid_grant");
        gatehouse.get("/oauth2/userinfo", "Authorization", "Bearer " + second.get("access_token")).expect(401);
        assertThat(flow.refresh((String) second.get("refresh_token")).expect(400).json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void revocationEndsTheFamilyAndIntrospectionTellsOnlyTheClientItsOwnTokens() {
        Map<String, Object> client = register("confidential");
        Map<String, Object> other = register("confidential");
        Flow flow = new Flow(client);
        Map<String, Object> tokens = flow.token(query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code"),
                flow.verifier).expect(200).json();

        assertThat(new Flow(client).post("/oauth2/introspect", "token=" + tokens.get("access_token")).expect(200).json())
                .containsEntry("active", true).containsEntry("client_id", client.get("client_id"));
        assertThat(new Flow(other).post("/oauth2/introspect", "token=" + tokens.get("access_token")).expect(200).json())
                .isEqualTo(Map.of("active", false));

        new Flow(other).post("/oauth2/revoke", "token=" + tokens.get("refresh_token")).expect(200);
        assertThat(flow.refresh((String) tokens.get("refresh_token")).status()).as("another client cannot revoke it").isEqualTo(200);
        Map<String, Object> rotated = flow.refresh((String) tokens.get("refresh_token")).json();
        assertThat(rotated).containsEntry("error", "invalid_grant");
    }

    @Test
    void aRefreshTokenIsUsableOnlyByItsClientAndRevocationByItsClientEndsIt() {
        Map<String, Object> client = register("confidential");
        Flow flow = new Flow(client);
        Map<String, Object> tokens = flow.token(query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code"),
                flow.verifier).expect(200).json();

        flow.post("/oauth2/revoke", "token=" + tokens.get("refresh_token") + "&token_type_hint=refresh_token").expect(200);

        assertThat(flow.refresh((String) tokens.get("refresh_token")).expect(400).json()).containsEntry("error", "invalid_grant");
        gatehouse.get("/oauth2/userinfo", "Authorization", "Bearer " + tokens.get("access_token")).expect(401);
    }

    /** A single-page application (a public client) redeems its code from its page: CORS for its origin only, never credentials. */
    @Test
    void onlyAPublicClientsOriginMayCallTheTokenEndpointFromABrowser() {
        Map<String, Object> spa = gatehouse.request("POST", "/api/v1/admin/clients").session(admin).json("{\"name\":\"SPA\",\"type\":\"public\","
                + "\"redirect_uris\":[\"https://spa.example/cb\"]}").send().expect(201).json();
        gatehouse.request("POST", "/api/v1/admin/clients").session(admin).json("{\"name\":\"Server\",\"redirect_uris\":"
                + "[\"https://server.example/cb\"]}").send().expect(201);

        TestGatehouse.Response preflight = gatehouse.request("OPTIONS", "/oauth2/token").headers("Origin", "https://spa.example",
                "Access-Control-Request-Method", "POST").send();
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://spa.example");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(gatehouse.request("OPTIONS", "/oauth2/token").headers("Origin", "https://server.example",
                "Access-Control-Request-Method", "POST").send().header("Access-Control-Allow-Origin")).as("a confidential client's").isNull();
        assertThat(gatehouse.request("POST", "/oauth2/token").headers("Origin", "https://evil.example")
                .body("application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=x&client_id=" + spa.get("client_id")).send()
                .header("Access-Control-Allow-Origin")).isNull();
        assertThat(gatehouse.get("/.well-known/openid-configuration", "Origin", "https://spa.example").header("Access-Control-Allow-Origin"))
                .isEqualTo("https://spa.example");
    }

    // --- the refusals ---

    @Test
    void anUnknownClientOrAnUnregisteredRedirectUriGetsAPageNeverARedirect() {
        Map<String, Object> client = register("confidential");
        String session = gatehouse.login(person());

        TestGatehouse.Response unknown = new Flow(Map.of("client_id", "ghc_nobody", "client_secret", "x")).authorize(session, "");
        TestGatehouse.Response elsewhere = new Flow(client).redirectTo("https://evil.example/callback").authorize(session, "");
        TestGatehouse.Response prefix = new Flow(client).redirectTo(REDIRECT + "/more").authorize(session, "");

        for (TestGatehouse.Response refused : List.of(unknown, elsewhere, prefix)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Location")).isNull();
            assertThat(refused.header("Content-Type")).startsWith("text/html");
        }
    }

    @Test
    void pkceIsRequiredAndOnlyS256() {
        Map<String, Object> client = register("confidential");
        String session = gatehouse.login(person());
        Flow flow = new Flow(client);

        assertThat(query(flow.authorizeWith(session, flow.params().replaceAll("&code_challenge=[^&]*", "")).header("Location")))
                .containsEntry("error", "invalid_request").containsEntry("state", flow.state);
        assertThat(query(flow.authorizeWith(session, flow.params().replace("code_challenge_method=S256", "code_challenge_method=plain"))
                .header("Location"))).containsEntry("error", "invalid_request");
        assertThat(query(flow.authorizeWith(session, flow.params().replace("response_type=code", "response_type=token")).header("Location")))
                .containsEntry("error", "unsupported_response_type");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM oauth_codes WHERE client_id = ?", (String) client.get("client_id"))).isZero();
    }

    @Test
    void aWrongOrMissingVerifierIsRefusedAndTheCodeIsSpent() {
        Map<String, Object> client = register("confidential");
        Flow flow = new Flow(client);
        String code = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");

        assertThat(flow.token(code, "w".repeat(43)).expect(400).json()).containsEntry("error", "invalid_grant");
        assertThat(flow.token(code, flow.verifier).expect(400).json()).as("spent by the first try").containsEntry("error", "invalid_grant");

        String another = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");
        assertThat(flow.token(another, null).expect(400).json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItIssued() {
        Map<String, Object> client = register("confidential");
        Flow flow = new Flow(client);
        String code = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");
        Map<String, Object> tokens = flow.token(code, flow.verifier).expect(200).json();

        assertThat(flow.token(code, flow.verifier).expect(400).json()).containsEntry("error", "invalid_grant");

        gatehouse.get("/oauth2/userinfo", "Authorization", "Bearer " + tokens.get("access_token")).expect(401);
        assertThat(flow.refresh((String) tokens.get("refresh_token")).expect(400).json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void anotherClientsCodeOrAnotherRedirectUriIsRefused() {
        Map<String, Object> client = register("confidential");
        Map<String, Object> thief = register("confidential");
        Flow flow = new Flow(client);
        String code = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");

        assertThat(new Flow(thief).token(code, flow.verifier).expect(400).json()).containsEntry("error", "invalid_grant");

        String second = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");
        assertThat(flow.redirectTo(REDIRECT + "?x=1").token(second, flow.verifier).expect(400).json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void aBadClientSecretIsRefusedWith401() {
        Map<String, Object> client = register("confidential");
        Flow flow = new Flow(client);
        String code = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");

        TestGatehouse.Response refused = new Flow(Map.of("client_id", client.get("client_id"), "client_secret", "ghcs_wrong"))
                .token(code, flow.verifier);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).containsEntry("error", "invalid_client");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(flow.token(code, flow.verifier).status()).as("the code was not spent by an unauthenticated client").isEqualTo(200);
    }

    @Test
    void aPublicClientUsesPkceWithoutASecret() {
        Map<String, Object> client = register("public");
        assertThat(client).doesNotContainKey("client_secret");
        Flow flow = new Flow(client);
        String code = query(flow.authorize(gatehouse.login(person()), "").header("Location")).get("code");

        assertThat(flow.token(code, flow.verifier).expect(200).json()).containsKey("id_token");
    }

    @Test
    void withoutASessionTheBrowserSignsInFirstAndPromptNoneSaysLoginRequired() {
        Flow flow = new Flow(register("confidential"));

        TestGatehouse.Response toLogin = flow.authorize(null, "&login_hint=ann%40example.com");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).startsWith("/login?continue=%2Foauth2%2Fauthorize%3F").contains("login_hint=ann%40example.com");

        assertThat(query(flow.authorize(null, "&prompt=none").header("Location"))).containsEntry("error", "login_required")
                .containsEntry("state", flow.state);
        String session = gatehouse.login(person());
        TestGatehouse.Response fresh = flow.authorize(session, "&prompt=login");
        assertThat(fresh.header("Location")).startsWith("/login?continue=").contains("prompt=login")
                .doesNotContain(URLEncoder.encode("prompt=login", StandardCharsets.UTF_8));
        // OpenID Connect Core 3.1.2.1: a sign-in older than max_age is made again; a recent one answers at once.
        assertThat(flow.authorize(session, "&max_age=0").header("Location")).startsWith("/login?continue=").contains("prompt=login");
        assertThat(flow.authorize(session, "&max_age=3600").header("Location")).startsWith(REDIRECT + "?code=");
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsOnlyToARegisteredUri() throws Exception {
        Map<String, Object> client = register("confidential");
        String session = gatehouse.login(person());
        Flow flow = new Flow(client);
        Map<String, Object> tokens = flow.token(query(flow.authorize(session, "").header("Location")).get("code"), flow.verifier)
                .expect(200).json();
        String hint = (String) tokens.get("id_token");

        gatehouse.get("/oauth2/logout?id_token_hint=" + hint + "&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F").expect(400);
        gatehouse.get("/oauth2/logout?post_logout_redirect_uri=https%3A%2F%2Fapp.example%2Fbye").expect(400);
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + session).expect(200);

        TestGatehouse.Response out = gatehouse.get("/oauth2/logout?id_token_hint=" + hint
                + "&post_logout_redirect_uri=https%3A%2F%2Fapp.example%2Fbye&state=s1", "Cookie", "gatehouse_session=" + session);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).isEqualTo("https://app.example/bye?state=s1");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + session).expect(401);
    }

    private JWTClaimsSet verified(String jwt) throws Exception {
        JWKSet keys = JWKSet.parse(gatehouse.get("/.well-known/jwks.json").expect(200).body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor.process(jwt, null);
    }

    private String person() {
        String email = "person" + COUNTER.incrementAndGet() + "@op.example";
        gatehouse.signUpVerified(email);
        return email;
    }

    private Map<String, Object> register(String type) {
        return register(type, "[\"openid\",\"email\",\"profile\"]");
    }

    private Map<String, Object> register(String type, String scopes) {
        return gatehouse.request("POST", "/api/v1/admin/clients").session(admin).json("{\"name\":\"App " + COUNTER.incrementAndGet()
                + "\",\"type\":\"" + type + "\",\"redirect_uris\":[\"" + REDIRECT + "\"],\"post_logout_redirect_uris\":[\"https://app.example/bye\"],"
                + "\"allowed_scopes\":" + scopes + "}").send().expect(201).json();
    }

    static Map<String, String> query(String location) {
        return OidcQuery.of(location);
    }

    /** One authorization request of a client and what follows it. */
    private final class Flow {
        final String clientId;
        final String secret;
        final String state = "st-" + COUNTER.incrementAndGet();
        final String nonce = "n-" + COUNTER.incrementAndGet();
        final String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(("verifier-" + System.nanoTime() + "-0123456789abcdef")
                .getBytes(StandardCharsets.US_ASCII));
        String redirect = REDIRECT;
        String scope = "openid email profile";

        Flow(Map<String, Object> client) {
            this.clientId = (String) client.get("client_id");
            this.secret = (String) client.get("client_secret");
        }

        Flow redirectTo(String uri) {
            this.redirect = uri;
            return this;
        }

        String params() {
            return "response_type=code&client_id=" + clientId + "&redirect_uri=" + enc(redirect) + "&scope=" + enc(scope) + "&state=" + state
                    + "&nonce=" + nonce + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        }

        TestGatehouse.Response authorize(String session, String extra) {
            return authorizeWith(session, params() + extra);
        }

        TestGatehouse.Response authorizeWith(String session, String query) {
            return gatehouse.request("GET", "/oauth2/authorize?" + query)
                    .headers(session == null ? new String[] {"Accept", "text/html"} : new String[] {"Accept", "text/html", "Cookie",
                            "gatehouse_session=" + session}).send();
        }

        TestGatehouse.Response token(String code, String codeVerifier) {
            return post("/oauth2/token", "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect)
                    + (codeVerifier == null ? "" : "&code_verifier=" + codeVerifier));
        }

        TestGatehouse.Response refresh(String refreshToken) {
            return post("/oauth2/token", "grant_type=refresh_token&refresh_token=" + enc(refreshToken));
        }

        TestGatehouse.Response post(String path, String form) {
            TestGatehouse.Request request = gatehouse.request("POST", path).body("application/x-www-form-urlencoded",
                    secret == null ? form + "&client_id=" + clientId : form);
            return secret == null ? request.send() : request.basic(clientId, secret).send();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
