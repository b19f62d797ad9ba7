package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeveloperApiKeyEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void generatedKeySignsInForAnApiKeyTokenAndTheSecretIsNeverReadBack() throws Exception {
        gatehouse.signUp("dev@example.com");
        String cookie = gatehouse.login("dev@example.com");
        assertThat(gatehouse.get("/api/v1/developer/api-access", "Cookie", "gatehouse_session=" + cookie).expect(200).json())
                .containsEntry("api_key", null);

        var pair = gatehouse.request("POST", "/api/v1/developer/api-access").session(cookie).send().expect(201).json();
        var shown = gatehouse.get("/api/v1/developer/api-access", "Cookie", "gatehouse_session=" + cookie).expect(200);

        assertThat(shown.json()).isEqualTo(Map.of("api_key", pair.get("api_key")));
        assertThat(shown.body()).doesNotContain((String) pair.get("api_secret"));
        String token = (String) signIn(pair).expect(200).json().get("token");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("amr")).containsExactly("api_key");
        gatehouse.get("/api/v1/me", "Authorization", "Bearer " + token).expect(200);
    }

    @Test
    void regeneratingStopsThePreviousPairAtOnce() {
        gatehouse.signUp("regen@example.com");
        String cookie = gatehouse.login("regen@example.com");
        var old = gatehouse.request("POST", "/api/v1/developer/api-access").session(cookie).send().expect(201).json();
        var fresh = gatehouse.request("POST", "/api/v1/developer/api-access").session(cookie).send().expect(201).json();

        signIn(old).problem(401, "invalid_credentials");
        signIn(fresh).expect(200);
        signIn(Map.of("api_key", fresh.get("api_key"), "api_secret", "gh_as_wrong")).problem(401, "invalid_credentials");
    }

    @Test
    void generatingNeedsAnAuthenticatedCaller() {
        gatehouse.request("POST", "/api/v1/developer/api-access").send().problem(401, "unauthenticated");
    }

    private TestGatehouse.Response signIn(Map<String, Object> pair) {
        return gatehouse.postJson("/api/v1/developer/sign-in",
                "{\"api_key\":\"" + pair.get("api_key") + "\",\"api_secret\":\"" + pair.get("api_secret") + "\"}");
    }
}
