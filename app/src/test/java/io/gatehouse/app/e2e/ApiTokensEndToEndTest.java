package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.Memberships;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void personalTokenIsShownOnceAuthenticatesAndListsWithoutItsSecret() {
        gatehouse.signUp("tokens@example.com");
        String cookie = gatehouse.login("tokens@example.com");

        var created = gatehouse.request("POST", "/api/v1/me/api-tokens").session(cookie)
                .json("{\"note\":\"ci\",\"expires_at\":\"2999-01-01T00:00:00Z\"}").send().expect(201).json();

        String secret = (String) created.get("access_token");
        assertThat(secret).startsWith("gh_at_").startsWith((String) created.get("token_prefix"));
        assertThat(created).containsEntry("note", "ci").containsEntry("enabled", true).containsEntry("version", 1)
                .containsEntry("workspace_id", null).containsKeys("id", "issuer_user_id", "created_at", "updated_at",
                        "expires_at", "last_used_at");
        bearer("/api/v1/me", secret).expect(200);
        var list = gatehouse.get("/api/v1/me/api-tokens", "Cookie", "gatehouse_session=" + cookie).expect(200);
        assertThat(list.body()).doesNotContain(secret).doesNotContain("access_token");
        assertThat((List<?>) list.json().get("tokens")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) bearer("/api/v1/me/api-tokens", secret).json().get("tokens")).get(0)).get("last_used_at"))
                .as("last use recorded").isNotNull();
    }

    @Test
    void basicAuthCreatesATokenAndWrongBasicCredentialsAreRefused() {
        gatehouse.signUp("script@example.com");

        var created = gatehouse.request("POST", "/api/v1/me/api-tokens").basic("script@example.com", PASSWORD)
                .json("{\"note\":\"cron\"}").send().expect(201).json();
        bearer("/api/v1/me", (String) created.get("access_token")).expect(200);

        gatehouse.request("POST", "/api/v1/me/api-tokens").basic("script@example.com", "not the password").send()
                .problem(401, "invalid_credentials");
        gatehouse.request("POST", "/api/v1/me/api-tokens").send().problem(401, "unauthenticated");
    }

    @Test
    void patchNeedsTheCurrentVersionAndDisablingOrDeletingStopsTheTokenAtOnce() {
        gatehouse.signUp("patch@example.com");
        String cookie = gatehouse.login("patch@example.com");
        var created = gatehouse.request("POST", "/api/v1/me/api-tokens").session(cookie).json("{}").send().expect(201).json();
        String id = (String) created.get("id");
        String secret = (String) created.get("access_token");

        var renamed = gatehouse.request("PATCH", "/api/v1/me/api-tokens/" + id).session(cookie)
                .json("{\"note\":\"renamed\",\"version\":1}").send().expect(200).json();
        assertThat(renamed).containsEntry("version", 2).containsEntry("note", "renamed");
        gatehouse.request("PATCH", "/api/v1/me/api-tokens/" + id).session(cookie).json("{\"enabled\":false,\"version\":1}").send()
                .problem(409, "version_conflict");
        bearer("/api/v1/me", secret).expect(200);

        gatehouse.request("PATCH", "/api/v1/me/api-tokens/" + id).session(cookie).json("{\"enabled\":false,\"version\":2}").send()
                .expect(200);
        bearer("/api/v1/me", secret).problem(401, "unauthenticated");

        gatehouse.request("DELETE", "/api/v1/me/api-tokens/" + id).session(cookie).send().expect(204);
        gatehouse.request("DELETE", "/api/v1/me/api-tokens/" + id).session(cookie).send().problem(404, "not_found");
    }

    @Test
    void anotherUsersTokenCannotBeChangedOrDeleted() {
        gatehouse.signUp("holder@example.com");
        gatehouse.signUp("thief@example.com");
        String holder = gatehouse.login("holder@example.com");
        String thief = gatehouse.login("thief@example.com");
        var created = gatehouse.request("POST", "/api/v1/me/api-tokens").session(holder).json("{}").send().expect(201).json();

        gatehouse.request("PATCH", "/api/v1/me/api-tokens/" + created.get("id")).session(thief)
                .json("{\"enabled\":false,\"version\":1}").send().problem(404, "not_found");
        gatehouse.request("DELETE", "/api/v1/me/api-tokens/" + created.get("id")).session(thief).send().problem(404, "not_found");
        bearer("/api/v1/me", (String) created.get("access_token")).expect(200);
    }

    @Test
    void workspaceTokenReachesOnlyItsWorkspace() {
        String ownerA = userId(gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"owner-a@example.com\",\"password\":\"" + PASSWORD + "\",\"workspace_name\":\"A\"}").expect(201).json());
        var signedUpB = gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"owner-b@example.com\",\"password\":\"" + PASSWORD + "\",\"workspace_name\":\"B\"}").expect(201).json();
        String workspaceA = workspaceOf("owner-a@example.com");
        String workspaceB = (String) ((Map<?, ?>) signedUpB.get("workspace")).get("id");
        String cookie = gatehouse.login("owner-a@example.com");

        var scoped = gatehouse.request("POST", "/api/v1/workspaces/" + workspaceA + "/api-tokens").session(cookie)
                .json("{\"note\":\"deploy\"}").send().expect(201).json();
        String secret = (String) scoped.get("access_token");
        assertThat(scoped).containsEntry("workspace_id", workspaceA).containsEntry("issuer_user_id", ownerA);

        bearer("/api/v1/workspaces/" + workspaceA + "/api-tokens", secret).expect(200);
        bearer("/api/v1/workspaces/" + workspaceB + "/api-tokens", secret).problem(404, "not_found");
        bearer("/api/v1/me", secret).expect(200);
        gatehouse.request("POST", "/api/v1/me/api-tokens").headers("Authorization", "Bearer " + secret).json("{}").send()
                .problem(403, "forbidden");
        gatehouse.request("POST", "/api/v1/me/reset_token").headers("Authorization", "Bearer " + secret).send()
                .problem(403, "forbidden");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspaceB + "/api-tokens").headers("Authorization", "Bearer " + secret)
                .json("{}").send().problem(404, "not_found");
    }

    @Test
    void aScopedTokenOfAMemberOfTwoWorkspacesReachesOnlyItsOwnEverywhere() {
        gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"two-hats@example.com\",\"password\":\"" + PASSWORD + "\",\"workspace_name\":\"First\"}").expect(201);
        String first = workspaceOf("two-hats@example.com");
        String cookie = gatehouse.login("two-hats@example.com");
        String second = (String) gatehouse.request("POST", "/api/v1/workspaces").session(cookie).json("{\"name\":\"Second\"}").send()
                .expect(201).json().get("id");
        String secret = (String) gatehouse.request("POST", "/api/v1/workspaces/" + first + "/api-tokens").session(cookie).json("{}")
                .send().expect(201).json().get("access_token");

        bearer("/api/v1/workspaces/" + first, secret).expect(200);
        bearer("/api/v1/workspaces/" + first + "/members", secret).expect(200);
        // The caller owns the second workspace too, but this token is scoped to the first: 404, as for a stranger.
        for (String path : List.of("", "/members", "/domains", "/invitations", "/sso", "/sso/events", "/api-tokens")) {
            bearer("/api/v1/workspaces/" + second + path, secret).problem(404, "not_found");
        }
        String me = (String) gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).json().get("id");
        gatehouse.request("DELETE", "/api/v1/workspaces/" + second + "/members/" + me).headers("Authorization", "Bearer " + secret).send()
                .problem(404, "not_found");
        gatehouse.get("/api/v1/workspaces/" + second + "/members", "Cookie", "gatehouse_session=" + cookie).expect(200);
    }

    @Test
    void nonMembersGetNotFoundAndAdminsSeeAndDeleteMembersTokens() {
        gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"boss@example.com\",\"password\":\"" + PASSWORD + "\",\"workspace_name\":\"Team\"}").expect(201);
        String workspace = workspaceOf("boss@example.com");
        String memberId = userId(gatehouse.signUp("staff@example.com").json());
        gatehouse.signUp("stranger@example.com");
        gatehouse.context().getBean(Memberships.class).insert(new Membership(new WorkspaceId(UUID.fromString(workspace)),
                new UserId(UUID.fromString(memberId)), Role.MEMBER, Instant.now()));
        String boss = gatehouse.login("boss@example.com");
        String staff = gatehouse.login("staff@example.com");
        String stranger = gatehouse.login("stranger@example.com");

        var bossToken = gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens").session(boss).json("{}").send()
                .expect(201).json();
        var staffToken = gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens").session(staff).json("{}").send()
                .expect(201).json();

        gatehouse.get("/api/v1/workspaces/" + workspace + "/api-tokens", "Cookie", "gatehouse_session=" + stranger)
                .problem(404, "not_found");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens").session(stranger).json("{}").send()
                .problem(404, "not_found");
        assertThat((List<?>) gatehouse.get("/api/v1/workspaces/" + workspace + "/api-tokens", "Cookie", "gatehouse_session=" + boss)
                .json().get("tokens")).hasSize(2);
        assertThat((List<?>) gatehouse.get("/api/v1/workspaces/" + workspace + "/api-tokens", "Cookie", "gatehouse_session=" + staff)
                .json().get("tokens")).hasSize(1);

        var byStaff = gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens/delete").session(staff)
                .json("{\"ids\":[\"" + bossToken.get("id") + "\"]}").send().expect(200).json();
        assertThat(byStaff).isEqualTo(Map.of("requested_count", 1, "deleted_count", 0));
        var byBoss = gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens/delete").session(boss)
                .json("{\"ids\":[\"" + staffToken.get("id") + "\",\"" + UUID.randomUUID() + "\"]}").send().expect(200).json();
        assertThat(byBoss).isEqualTo(Map.of("requested_count", 2, "deleted_count", 1));
        bearer("/api/v1/me", (String) staffToken.get("access_token")).problem(401, "unauthenticated");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens/delete").session(stranger)
                .json("{\"ids\":[\"" + bossToken.get("id") + "\"]}").send().problem(404, "not_found");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/api-tokens/delete").session(boss)
                .json("{}").send().problem(400, "validation_failed");
    }

    @Test
    void resetTokenReplacesTheDefaultPersonalToken() {
        gatehouse.signUp("reset@example.com");
        String cookie = gatehouse.login("reset@example.com");

        String first = (String) gatehouse.request("POST", "/api/v1/me/reset_token").session(cookie).send().expect(200).json().get("api_token");
        String second = (String) gatehouse.request("POST", "/api/v1/me/reset_token").session(cookie).send().expect(200).json().get("api_token");

        bearer("/api/v1/me", first).problem(401, "unauthenticated");
        bearer("/api/v1/me", second).expect(200);
    }

    @Test
    void malformedOrUnknownBearerValuesAreUnauthenticated() {
        for (String value : List.of("gh_at_unknown", "gh_at_", "x", "a.b.c")) {
            gatehouse.get("/api/v1/me", "Authorization", "Bearer " + value).problem(401, "unauthenticated");
        }
    }

    private TestGatehouse.Response bearer(String path, String token) {
        return gatehouse.get(path, "Authorization", "Bearer " + token);
    }

    private String workspaceOf(String email) {
        String cookie = gatehouse.login(email);
        return (String) ((Map<?, ?>) ((List<?>) gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).json()
                .get("workspaces")).get(0)).get("id");
    }

    private static String userId(Map<String, Object> signUp) {
        return (String) ((Map<?, ?>) signUp.get("user")).get("id");
    }
}
