package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every bad input is an RFC 9457 problem with a stable code, never a 500 or a leaked internal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorHandlingEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of("micronaut.server.max-request-size", 4096));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void malformedJsonThenMalformedRequest() {
        assertClean(gatehouse.postJson("/api/v1/signup", "{\"email\": ").problem(400, "malformed_request"));
        assertClean(gatehouse.postJson("/api/v1/signup", "[1, 2]").problem(400, "malformed_request"));
        assertClean(gatehouse.postJson("/api/v1/signup", "{\"email\": {\"nested\": true}, \"password\": \"x\"}")
                .problem(400, "malformed_request"));
    }

    @Test
    void unknownFieldThenValidationErrorNamingIt() {
        var problem = gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"x@example.com\",\"password\":\"correct horse battery\",\"is_admin\":true}").problem(400, "validation_failed");

        // Read from the deserializer's message ("Unknown property [is_admin]"): a change of its wording fails here.
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "is_admin", "message", "is not a known field")));
        assertClean(problem);
    }

    @Test
    void missingFieldsThenValidationErrorNamingThem() {
        var problem = gatehouse.postJson("/api/v1/signup", "{\"email\":\"x@example.com\"}").problem(400, "validation_failed");

        // Every required field of a request body is @NotNull, so Bean Validation names it (no message parsing).
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "password", "message", "must not be null")));
        assertClean(problem);
        gatehouse.postJson("/api/v1/auth/login", "{}").problem(400, "validation_failed");
    }

    @Test
    void overlongFieldThenValidationError() {
        var problem = gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"x@example.com\",\"password\":\"correct horse battery\",\"full_name\":\"" + "n".repeat(201) + "\"}")
                .problem(400, "validation_failed");

        assertThat(problem.get("errors").toString()).contains("full_name");
    }

    @Test
    void oversizedBodyThenPayloadTooLarge() {
        String huge = "{\"email\":\"x@example.com\",\"password\":\"" + "p".repeat(10_000) + "\"}";

        assertClean(gatehouse.postJson("/api/v1/signup", huge).problem(413, "payload_too_large"));
    }

    @Test
    void wrongMediaTypeUnknownRouteWrongMethodAndBadPathParameterAreProblems() {
        assertClean(gatehouse.request("POST", "/api/v1/signup").body("text/plain", "hello").send().problem(415, "unsupported_media_type"));
        assertClean(gatehouse.get("/api/v1/no-such-thing").problem(404, "not_found"));
        assertClean(gatehouse.request("DELETE", "/api/v1/signup").send().problem(405, "method_not_allowed"));
        gatehouse.signUp("path@example.com");
        String cookie = gatehouse.login("path@example.com");
        var badId = gatehouse.request("DELETE", "/api/v1/me/sessions/not-a-uuid").session(cookie).send().problem(400, "validation_failed");
        assertThat(badId.get("errors")).isEqualTo(List.of(Map.of("field", "id", "message", "has an invalid value")));
    }

    @Test
    void rejectedValuesAreNeverEchoedBack() {
        var response = gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"a@example.com\",\"password\":{\"secret\":\"hunter2-hunter2\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("hunter2");
        assertClean(response.json());
    }

    private static void assertClean(Map<String, Object> problem) {
        assertThat(problem).containsKeys("type", "title", "status", "detail", "code");
        assertThat(problem.toString()).doesNotContain("io.micronaut", "java.", "Exception", "at io.", "SQL");
    }
}
