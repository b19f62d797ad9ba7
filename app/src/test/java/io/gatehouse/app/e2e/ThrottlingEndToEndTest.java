package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Failed-login throttling, counted in the database, answered with 429 and Retry-After. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlingEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "gatehouse.login-throttle.max-failures-per-email", 3,
            "gatehouse.login-throttle.max-failures-per-ip", 8,
            "gatehouse.login-throttle.window", "10m"));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void tooManyFailuresForOneEmailThenTooManyAttemptsEvenWithTheRightPassword() {
        gatehouse.signUp("target@example.com");
        for (int i = 0; i < 3; i++) {
            gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"target@example.com\",\"password\":\"guess number " + i + "\"}")
                    .problem(401, "invalid_credentials");
        }

        var throttled = gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"TARGET@example.com\",\"password\":\"" + PASSWORD + "\"}");

        throttled.problem(429, "too_many_attempts");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 600);
        assertThat(throttled.setCookie("gatehouse_session")).isNull();
        gatehouse.request("POST", "/api/v1/auth/login").basic("target@example.com", PASSWORD).send()
                .problem(429, "too_many_attempts");
        // Another account, from the same client, is not affected by the per-email limit.
        gatehouse.signUp("bystander@example.com");
        gatehouse.login("bystander@example.com");
    }

    @Test
    void tooManyFailuresFromOneClientAcrossEmailsThenTooManyAttempts() {
        // A fresh server: the per-IP budget of the shared one is spent by the other test.
        try (TestGatehouse fresh = TestGatehouse.start(Map.of(
                "gatehouse.login-throttle.max-failures-per-email", 100,
                "gatehouse.login-throttle.max-failures-per-ip", 4))) {
            fresh.signUp("real@example.com");
            for (int i = 0; i < 4; i++) {
                fresh.postJson("/api/v1/auth/login", "{\"email\":\"spray" + i + "@example.com\",\"password\":\"" + PASSWORD + "\"}")
                        .problem(401, "invalid_credentials");
            }

            fresh.postJson("/api/v1/auth/login", "{\"email\":\"real@example.com\",\"password\":\"" + PASSWORD + "\"}")
                    .problem(429, "too_many_attempts");
        }
    }
}
