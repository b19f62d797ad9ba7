package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.persistence.TestDatabase;
import io.gatehouse.saml.TestIdentityProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Gatehouse nodes (two application contexts, two ports, their own caches and pools) on one
 * database, as behind a load balancer: whatever one node does, the other must agree with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesEndToEndTest {

    private static final String ADMIN = "admin@nodes.example.org";
    private static final TestIdentityProvider IDP = new TestIdentityProvider("Two-node IdP");
    private final List<TestGatehouse> nodes = TestGatehouse.cluster(2, Map.of(
            "gatehouse.bootstrap-admin-email", ADMIN,
            "gatehouse.bootstrap-admin-password", PASSWORD,
            "gatehouse.jwt.key-reload-interval", "1s",
            // Keys loaded at start-up, so that no later warm-up reload stands in for the periodic one under test.
            "gatehouse.jwt.key-warmup-delay", "0s",
            "gatehouse.login-throttle.max-failures-per-email", 4));
    private final TestGatehouse a = nodes.get(0);
    private final TestGatehouse b = nodes.get(1);

    @AfterAll
    void stop() {
        nodes.forEach(TestGatehouse::close);
    }

    @Test
    void aSamlLoginStartedOnACompletesAtTheAcsOfB() {
        SsoWorkspace onA = SsoWorkspace.create(a, IDP, Map.of());
        String email = "roamer@" + onA.domain;
        TestIdentityProvider.ReceivedRequest request = onA.start(email, "&state=s1");

        var response = onA.on(b).post(onA.answer(request, email).encoded(), request.relayState()).expect(200);

        assertThat(response.json()).containsEntry("state", "s1");
        a.request("GET", "/api/v1/me").session(response.cookie("gatehouse_session")).send().expect(200);
        assertThat(onA.on(b).lastEvent()).containsEntry("code", "ok");
    }

    @Test
    void anAssertionConsumedOnAIsAReplayOnB() {
        SsoWorkspace onA = SsoWorkspace.create(a, IDP, Map.of("allow_idp_initiated", true));
        String encoded = onA.unsolicited("once@" + onA.domain).encoded();
        onA.post(encoded, null).expect(200);

        var replay = onA.on(b).post(encoded, null);

        replay.problem(401, "saml_replayed");
        assertThat(replay.setCookie("gatehouse_session")).isNull();
    }

    @Test
    void anAuthnRequestAnsweredOnAIsUnknownOnB() {
        SsoWorkspace onA = SsoWorkspace.create(a, IDP, Map.of());
        String email = "twice@" + onA.domain;
        TestIdentityProvider.ReceivedRequest request = onA.start(email, "");
        onA.post(onA.answer(request, email).encoded(), request.relayState()).expect(200);

        onA.on(b).post(onA.answer(request, email).encoded(), request.relayState()).problem(401, "saml_in_response_to_unknown");
    }

    @Test
    void aSessionRevokedOnAIsRejectedByB() {
        a.signUp("session@nodes.example.org");
        String cookie = a.login("session@nodes.example.org");
        b.request("GET", "/api/v1/me").session(cookie).send().expect(200);

        a.request("POST", "/api/v1/auth/logout").session(cookie).send().expect(204);

        b.request("GET", "/api/v1/me").session(cookie).send().problem(401, "unauthenticated");
    }

    @Test
    void aJwtSignedOnAVerifiesOnBAndAKeyRotatedOnAIsPublishedByB() throws Exception {
        a.signUp("jwt@nodes.example.org");
        String before = jwt(a, "jwt@nodes.example.org");
        b.get("/api/v1/me", "Authorization", "Bearer " + before).expect(200);

        String kid = (String) a.request("POST", "/api/v1/admin/signing-keys/rotate").session(a.login(ADMIN)).send().expect(200)
                .json().get("kid");
        String after = jwt(a, "jwt@nodes.example.org");

        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid);
        b.get("/api/v1/me", "Authorization", "Bearer " + after).expect(200);
        b.get("/api/v1/me", "Authorization", "Bearer " + before).expect(200);
        assertThat(JWKSet.parse(b.get("/.well-known/jwks.json").expect(200).body()).getKeys()).extracting(JWK::getKeyID).contains(kid);
        // B follows the rotation for its own signatures within the reload interval (1 s here).
        long deadline = System.currentTimeMillis() + 10_000;
        String signedByB = jwt(b, "jwt@nodes.example.org");
        while (!kid.equals(SignedJWT.parse(signedByB).getHeader().getKeyID()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            signedByB = jwt(b, "jwt@nodes.example.org");
        }
        assertThat(SignedJWT.parse(signedByB).getHeader().getKeyID()).isEqualTo(kid);
    }

    /**
     * B's JWKS answers from its last loaded keys without waiting on the database; its periodic reload
     * (every second here) is what makes it publish a key rotated on A, with no token of that key ever shown to B.
     */
    @Test
    void bPublishesAKeyRotatedOnAWithinTheReloadIntervalWithoutSeeingAnyTokenOfIt() {
        b.get("/.well-known/jwks.json").expect(200);
        String kid = (String) a.request("POST", "/api/v1/admin/signing-keys/rotate").session(a.login(ADMIN)).send().expect(200)
                .json().get("kid");

        assertThat(millisUntil(() -> b.get("/.well-known/jwks.json").body().contains(kid))).as("ms").isLessThan(5_000);
    }

    @Test
    void loginThrottlingCountsAttemptsMadeOnBothNodes() {
        a.signUp("throttled@nodes.example.org");
        String wrong = "{\"email\":\"throttled@nodes.example.org\",\"password\":\"not the password!\"}";
        a.postJson("/api/v1/auth/login", wrong).problem(401, "invalid_credentials");
        b.postJson("/api/v1/auth/login", wrong).problem(401, "invalid_credentials");
        a.postJson("/api/v1/auth/login", wrong).problem(401, "invalid_credentials");
        b.postJson("/api/v1/auth/login", wrong).problem(401, "invalid_credentials");

        var throttled = a.postJson("/api/v1/auth/login", "{\"email\":\"throttled@nodes.example.org\",\"password\":\"" + PASSWORD + "\"}");

        throttled.problem(429, "too_many_attempts");
        b.postJson("/api/v1/auth/login", wrong).problem(429, "too_many_attempts");
    }

    /**
     * B answers bearer requests from memory (the token's family, the profile with memberships); what A
     * changes reaches B within 100 ms: PostgreSQL NOTIFY at A's commit, or on H2 the JVM the contexts share.
     */
    @Test
    void aRoleChangeAndARevocationOnAReachBWithinAHundredMilliseconds() {
        String owner = "owner-cache@nodes.example.org";
        String member = "member-cache@nodes.example.org";
        String workspace = (String) ((Map<?, ?>) a.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"Cache\"}").expect(201).json().get("workspace")).get("id");
        a.verifyEmail(owner);
        String ownerCookie = a.login(owner);
        a.signUpVerified(member);
        a.addMember(workspace, ownerCookie, member, "member");
        String access = jwt(a, member);
        String userId = (String) b.get("/api/v1/me", "Authorization", "Bearer " + access).expect(200).json().get("id");
        assertThat(roleOn(b, access)).isEqualTo("member");
        assertThat(roleOn(b, access)).as("served again, now from B's memory").isEqualTo("member");

        a.request("PATCH", "/api/v1/workspaces/" + workspace + "/members/" + userId).session(ownerCookie).json("{\"role\":\"admin\"}")
                .send().expect(200);
        assertThat(millisUntil(() -> "admin".equals(roleOn(b, access)))).as("role change seen by B, ms").isLessThanOrEqualTo(100);

        a.request("POST", "/api/v1/auth/logout?all=true").session(a.login(member)).send().expect(204);
        assertThat(millisUntil(() -> b.get("/api/v1/me", "Authorization", "Bearer " + access).status() == 401))
                .as("revocation honoured by B, ms").isLessThanOrEqualTo(100);
    }

    /** The other two changes #17 names: a suspension by an operator and a password change, each made on A. */
    @Test
    void aSuspensionAndAPasswordChangeOnAReachBWithinAHundredMilliseconds() {
        String userId = (String) ((Map<?, ?>) a.signUp("suspended-cache@nodes.example.org").json().get("user")).get("id");
        a.signUp("password-cache@nodes.example.org");
        String suspended = jwt(a, "suspended-cache@nodes.example.org");
        String changed = jwt(a, "password-cache@nodes.example.org");
        b.get("/api/v1/me", "Authorization", "Bearer " + suspended).expect(200);
        b.get("/api/v1/me", "Authorization", "Bearer " + changed).expect(200);

        a.request("PATCH", "/api/v1/admin/users/" + userId).session(a.login(ADMIN)).json("{\"status\":\"suspended\"}").send().expect(200);
        assertThat(millisUntil(() -> b.get("/api/v1/me", "Authorization", "Bearer " + suspended).status() == 401))
                .as("suspension honoured by B, ms").isLessThanOrEqualTo(100);

        a.request("POST", "/api/v1/me/password").session(a.login("password-cache@nodes.example.org"))
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"another long passphrase\"}").send().expect(204);
        assertThat(millisUntil(() -> b.get("/api/v1/me", "Authorization", "Bearer " + changed).status() == 401))
                .as("password change honoured by B, ms").isLessThanOrEqualTo(100);
    }

    /**
     * A node that loses its notification connection may have missed changes: it forgets what it cached and
     * reconnects, so a revocation made while it was deaf is still honoured (well before the entries' TTL).
     */
    @Test
    void aNodeThatLostItsNotificationsForgetsItsCacheAndReconnects() {
        assumeTrue(TestDatabase.isPostgres(), "NOTIFY is PostgreSQL's");
        a.signUp("deaf@nodes.example.org");
        String access = jwt(a, "deaf@nodes.example.org");
        b.get("/api/v1/me", "Authorization", "Bearer " + access).expect(200);
        b.get("/api/v1/me", "Authorization", "Bearer " + access).expect(200);
        String listeners = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = "
                + "'gatehouse-identity-listener'";
        assertThat(a.count(listeners)).isGreaterThanOrEqualTo(2);

        a.column("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'gatehouse-identity-listener'");
        a.request("POST", "/api/v1/auth/logout?all=true").session(a.login("deaf@nodes.example.org")).send().expect(204);

        assertThat(millisUntil(() -> b.get("/api/v1/me", "Authorization", "Bearer " + access).status() == 401))
                .as("revocation made while B was not listening, ms").isLessThan(5_000);
        assertThat(millisUntil(() -> a.count(listeners) >= 2)).as("both nodes listen again, ms").isLessThan(5_000);
    }

    private static String roleOn(TestGatehouse node, String access) {
        List<?> workspaces = (List<?>) node.get("/api/v1/me", "Authorization", "Bearer " + access).expect(200).json().get("workspaces");
        return (String) ((Map<?, ?>) workspaces.get(0)).get("role");
    }

    /** How long after now {@code condition} first held, to the start of the check that saw it (gives up after 5 s). */
    static long millisUntil(java.util.function.BooleanSupplier condition) {
        long start = System.nanoTime();
        while (true) {
            long checkedAt = System.nanoTime();
            if (condition.getAsBoolean()) {
                return (checkedAt - start) / 1_000_000;
            }
            if (checkedAt - start > 5_000_000_000L) {
                return Long.MAX_VALUE;
            }
            Thread.onSpinWait();
        }
    }

    private static String jwt(TestGatehouse node, String email) {
        return (String) node.postJson("/api/v1/auth/jwt", "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(201).json().get("access");
    }
}
