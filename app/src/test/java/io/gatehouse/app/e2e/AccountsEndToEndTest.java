package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void signUpWithWorkspaceThenMeShowsProfileAndOwnership() {
        var created = gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"Ada@Example.com\",\"password\":\"" + PASSWORD + "\",\"full_name\":\"Ada Lovelace\",\"workspace_name\":\"Engines\"}")
                .expect(201).json();
        @SuppressWarnings("unchecked") Map<String, Object> user = (Map<String, Object>) created.get("user");
        @SuppressWarnings("unchecked") Map<String, Object> workspace = (Map<String, Object>) created.get("workspace");
        assertThat(user).containsEntry("email", "ada@example.com").containsEntry("full_name", "Ada Lovelace")
                .containsEntry("has_password", true).doesNotContainKeys("password", "password_hash");
        assertThat(workspace).containsEntry("name", "Engines");

        String cookie = gatehouse.login("ADA@example.com");
        var me = gatehouse.request("GET", "/api/v1/me").headers("Cookie", "gatehouse_session=" + cookie).send().expect(200).json();

        assertThat(me).containsKeys("id", "email", "full_name", "status", "created_at", "last_login_at", "has_password", "workspaces");
        assertThat(me).containsEntry("status", "active").containsEntry("id", user.get("id"));
        assertThat(me.get("last_login_at")).isNotNull();
        assertThat((List<?>) me.get("workspaces")).singleElement()
                .isEqualTo(Map.of("id", workspace.get("id"), "name", "Engines", "role", "owner"));
    }

    @Test
    void signUpWithoutWorkspaceThenWorkspacesIsAnEmptyListAndWorkspaceNull() {
        var created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"solo@example.com\",\"password\":\"" + PASSWORD + "\"}")
                .expect(201).json();
        assertThat(created).containsEntry("workspace", null);

        String cookie = gatehouse.login("solo@example.com");
        var me = gatehouse.request("GET", "/api/v1/me").headers("Cookie", "gatehouse_session=" + cookie).send().expect(200).json();
        assertThat((List<?>) me.get("workspaces")).isEmpty();
        assertThat(me).containsEntry("full_name", null);
    }

    @Test
    void signUpWithTakenEmailInOtherCaseThenConflict() {
        gatehouse.signUp("grace@example.com");

        gatehouse.postJson("/api/v1/signup", "{\"email\":\"GRACE@example.com\",\"password\":\"another fine password\"}")
                .problem(409, "email_taken");
    }

    @Test
    void signUpWithBadEmailOrWeakPasswordThenFieldProblem() {
        var invalid = gatehouse.postJson("/api/v1/signup", "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}")
                .problem(400, "invalid_email");
        assertThat(invalid.get("errors")).isEqualTo(List.of(Map.of("field", "email", "message", "not a valid email address")));

        var weak = gatehouse.postJson("/api/v1/signup", "{\"email\":\"weak@example.com\",\"password\":\"short\"}")
                .problem(400, "weak_password");
        assertThat((List<?>) weak.get("errors")).hasSize(1);
    }

    @Test
    void concurrentSignUpsWithOneEmailThenExactlyOneSucceeds() throws Exception {
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String email = i % 2 == 0 ? "race@example.com" : "RACE@example.com";
            statuses.add(pool.submit(() -> {
                start.await();
                return gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(s -> s == 201).hasSize(1);
        assertThat(results).filteredOn(s -> s == 409).hasSize(contenders - 1);
    }

    @Test
    void meWithoutCredentialsThenUnauthenticated() {
        gatehouse.get("/api/v1/me").problem(401, "unauthenticated");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=forged-value").problem(401, "unauthenticated");
    }

    @Test
    void changePasswordRevokesOtherSessionsKeepsThisOneAndSwapsThePassword() {
        gatehouse.signUp("linus@example.com");
        String current = gatehouse.login("linus@example.com");
        String other = gatehouse.login("linus@example.com");

        gatehouse.request("POST", "/api/v1/me/password").session(current)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"an entirely new phrase\"}").send().expect(204);

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + current).expect(200);
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + other).problem(401, "unauthenticated");
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"linus@example.com\",\"password\":\"" + PASSWORD + "\"}")
                .problem(401, "invalid_credentials");
        gatehouse.login("linus@example.com", "an entirely new phrase");
    }

    @Test
    void changePasswordWithWrongCurrentPasswordThenRejectedAndNothingChanges() {
        gatehouse.signUp("ken@example.com");
        String current = gatehouse.login("ken@example.com");
        String other = gatehouse.login("ken@example.com");

        gatehouse.request("POST", "/api/v1/me/password").session(current)
                .json("{\"current_password\":\"not the password\",\"new_password\":\"an entirely new phrase\"}").send()
                .problem(401, "invalid_credentials");
        gatehouse.request("POST", "/api/v1/me/password").session(current)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"tiny\"}").send()
                .problem(400, "weak_password");

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + other).expect(200);
        gatehouse.login("ken@example.com");
    }
}
