package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationEndToEndTest {

    private static final String ADMIN = "root@gatehouse.example";
    private static final String ADMIN_PASSWORD = "bootstrap admin passphrase";
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "gatehouse.bootstrap-admin-email", ADMIN,
            "gatehouse.bootstrap-admin-password", ADMIN_PASSWORD));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void bootstrappedAdministratorSuspendsAUserWhoseSessionsDieAtOnce() {
        String userId = (String) ((Map<?, ?>) gatehouse.signUp("suspect@example.com").json().get("user")).get("id");
        String userSession = gatehouse.login("suspect@example.com");
        String admin = gatehouse.login(ADMIN, ADMIN_PASSWORD);

        var suspended = gatehouse.request("PATCH", "/api/v1/admin/users/" + userId).session(admin)
                .json("{\"status\":\"suspended\"}").send().expect(200).json();

        assertThat(suspended).containsEntry("status", "suspended").containsEntry("id", userId);
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + userSession).problem(401, "unauthenticated");
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"suspect@example.com\",\"password\":\"" + PASSWORD + "\"}")
                .problem(403, "account_suspended");
        // Suspension is only revealed to someone who knows the password.
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"suspect@example.com\",\"password\":\"wrong password here\"}")
                .problem(401, "invalid_credentials");

        gatehouse.request("PATCH", "/api/v1/admin/users/" + userId).session(admin).json("{\"status\":\"active\"}").send().expect(200);
        gatehouse.login("suspect@example.com");
    }

    @Test
    void nonAdministratorCannotSuspendAnyone() {
        String victimId = (String) ((Map<?, ?>) gatehouse.signUp("innocent@example.com").json().get("user")).get("id");
        gatehouse.signUp("mallory@example.com");
        String mallory = gatehouse.login("mallory@example.com");
        String victim = gatehouse.login("innocent@example.com");

        gatehouse.request("PATCH", "/api/v1/admin/users/" + victimId).session(mallory).json("{\"status\":\"suspended\"}").send()
                .problem(403, "forbidden");

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + victim).expect(200);
    }

    @Test
    void unknownUserOrUnknownStatusIsReported() {
        String admin = gatehouse.login(ADMIN, ADMIN_PASSWORD);

        gatehouse.request("PATCH", "/api/v1/admin/users/" + UUID.randomUUID()).session(admin).json("{\"status\":\"suspended\"}").send()
                .problem(404, "user_not_found");
        String userId = (String) ((Map<?, ?>) gatehouse.signUp("status@example.com").json().get("user")).get("id");
        var invalid = gatehouse.request("PATCH", "/api/v1/admin/users/" + userId).session(admin).json("{\"status\":\"deleted\"}").send()
                .problem(400, "validation_failed");
        assertThat(invalid.get("errors").toString()).contains("status");
    }

    @Test
    void bootstrapAdministratorAppearsAsAnOrdinaryProfile() {
        String admin = gatehouse.login(ADMIN, ADMIN_PASSWORD);

        assertThat(gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + admin).expect(200).json())
                .containsEntry("email", ADMIN);
    }
}
