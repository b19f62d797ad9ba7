package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
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

    private static String jwt(TestGatehouse node, String email) {
        return (String) node.postJson("/api/v1/auth/jwt", "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(201).json().get("access");
    }
}
