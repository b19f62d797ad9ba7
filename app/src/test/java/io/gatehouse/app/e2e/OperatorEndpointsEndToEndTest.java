package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorEndpointsEndToEndTest {

    private static final String ADMIN = "ops@operator.test";
    private final TestGatehouse gatehouse = TestGatehouse.start(java.util.Map.of("gatehouse.jwt.key-warmup-delay", "0s",
            "gatehouse.bootstrap-admin-email", ADMIN, "gatehouse.bootstrap-admin-password", TestGatehouse.PASSWORD));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void anonymousHealthSaysUpAndNothingAboutTheDeployment() {
        var health = gatehouse.get("/health").expect(200);

        assertThat(health.json()).containsEntry("status", "UP");
        assertThat(health.json().get("details")).isNull();
        assertThat(health.body()).doesNotContain("jdbc").doesNotContain("diskSpace").doesNotContain("h2:").doesNotContain("postgresql");
    }

    @Test
    void instanceAdministratorsSeeEveryIndicatorWithTheDatabase() {
        gatehouse.get("/api/v1/admin/health").problem(401, "unauthenticated");
        gatehouse.signUp("curious@operator.test");
        gatehouse.request("GET", "/api/v1/admin/health").session(gatehouse.login("curious@operator.test")).send().problem(403, "forbidden");

        var health = gatehouse.request("GET", "/api/v1/admin/health").session(gatehouse.login(ADMIN)).send().expect(200).json();

        assertThat(health).containsEntry("status", "UP");
        @SuppressWarnings("unchecked") Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details).containsKey("jdbc");
    }

    @Test
    void aSigningKeyExistsAfterStartUpWithoutAnyTokenRequest() throws Exception {
        var keys = gatehouse.context().getBean(io.gatehouse.domain.port.out.SigningKeys.class);
        for (int i = 0; i < 100 && keys.all().isEmpty(); i++) {
            Thread.sleep(50); // created in the background once the server listens
        }

        assertThat(keys.all()).hasSize(1);
        assertThat(gatehouse.get("/.well-known/jwks.json").expect(200).json().get("keys").toString())
                .contains(keys.all().get(0).kid());
    }

    @Test
    void metricsArePrometheusTextWithLoginOutcomesAndHttpLatencyHistograms() {
        gatehouse.signUp("metrics@example.com");
        gatehouse.login("metrics@example.com");
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"metrics@example.com\",\"password\":\"wrong password!\"}")
                .problem(401, "invalid_credentials");

        var metrics = gatehouse.get("/metrics").expect(200);

        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("gatehouse_logins_total\\{[^}]*method=\"password\"[^}]*outcome=\"success\"[^}]*} [1-9]")
                .containsPattern("gatehouse_logins_total\\{[^}]*method=\"password\"[^}]*outcome=\"invalid_credentials\"[^}]*} [1-9]")
                // Sign-up hashed once, the logins verified: what the argon2id cost costs here, and any queueing.
                .containsPattern("gatehouse_password_hash_seconds_count\\{[^}]*operation=\"hash\"[^}]*} [1-9]")
                .containsPattern("gatehouse_password_hash_seconds_count\\{[^}]*operation=\"verify\"[^}]*} [1-9]")
                .containsPattern("gatehouse_password_hash_wait_seconds_count(\\{[^}]*})? [1-9]")
                .contains("http_server_requests_seconds_bucket", "hikaricp_connections")
                .doesNotContain("metrics@example.com");
    }

    @Test
    void metricsCountSessionsTokenFamiliesAndApiTokensIssuedRefreshedAndRevoked() {
        gatehouse.signUp("counted@example.com");
        String cookie = gatehouse.login("counted@example.com");
        var pair = gatehouse.postJson("/api/v1/auth/jwt", "{\"username\":\"counted@example.com\",\"password\":\""
                + TestGatehouse.PASSWORD + "\"}").expect(201).json();
        gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + pair.get("refresh") + "\"}").expect(201);
        String id = (String) gatehouse.request("POST", "/api/v1/me/api-tokens").session(cookie).json("{}").send().expect(201).json().get("id");
        gatehouse.request("DELETE", "/api/v1/me/api-tokens/" + id).session(cookie).send().expect(204);
        gatehouse.request("POST", "/api/v1/auth/logout").session(cookie).send().expect(204);

        String body = gatehouse.get("/metrics").expect(200).body();

        for (String series : new String[] {"event=\"issued\",kind=\"session\"", "event=\"revoked\",kind=\"session\"",
                "event=\"issued\",kind=\"jwt\"", "event=\"refreshed\",kind=\"jwt\"", "event=\"issued\",kind=\"api_token\"",
                "event=\"revoked\",kind=\"api_token\""}) {
            assertThat(body).containsPattern("gatehouse_tokens_total\\{" + Pattern.quote(series) + "[^}]*} [1-9]");
        }
    }

    @Test
    void openApiDocumentDescribesTheApiAndSwaggerUiIsServed() {
        var document = gatehouse.get("/openapi").expect(200);

        assertThat(document.body()).contains("openapi: 3", "/api/v1/auth/login", "/api/v1/signup", "/api/v1/me/sessions",
                "/api/v1/auth/jwt/refresh", "/api/v1/workspaces/{wid}/members", "application/problem+json", "token_type",
                "/.well-known/jwks.json");
        // The authenticated caller is bound from the principal (@CurrentCaller), never a parameter a client sends.
        assertThat(document.body()).doesNotContain("name: caller").doesNotContain("name: authentication");
        assertThat(gatehouse.get("/swagger-ui/index.html").expect(200).body()).containsIgnoringCase("swagger");
    }
}
