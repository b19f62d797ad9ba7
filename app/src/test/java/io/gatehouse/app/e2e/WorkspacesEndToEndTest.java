package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspacesEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void createListAndReadAWorkspaceAsItsOwner() {
        gatehouse.signUp("founder@example.com");
        String cookie = gatehouse.login("founder@example.com");

        var created = gatehouse.request("POST", "/api/v1/workspaces").session(cookie).json("{\"name\":\"Rocket\"}").send()
                .expect(201).json();

        assertThat(created).containsEntry("name", "Rocket").containsKeys("id", "created_at");
        var listed = gatehouse.get("/api/v1/workspaces", "Cookie", "gatehouse_session=" + cookie).expect(200).jsonList();
        assertThat(listed).singleElement().satisfies(w -> assertThat(w).containsEntry("id", created.get("id")).containsEntry("role", "owner"));
        assertThat(gatehouse.get("/api/v1/workspaces/" + created.get("id"), "Cookie", "gatehouse_session=" + cookie).expect(200).json())
                .containsEntry("role", "owner");
        gatehouse.request("POST", "/api/v1/workspaces").session(cookie).json("{\"name\":\"  \"}").send().problem(400, "validation_failed");
    }

    @Test
    void nonMembersGetNotFoundForEverythingInAWorkspace() {
        String workspace = workspaceOwnedBy("private-owner@example.com");
        gatehouse.signUp("nosy@example.com");
        String nosy = gatehouse.login("nosy@example.com");
        String ownerId = userId("private-owner@example.com");

        gatehouse.get("/api/v1/workspaces/" + workspace, "Cookie", "gatehouse_session=" + nosy).problem(404, "not_found");
        gatehouse.get("/api/v1/workspaces/" + workspace + "/members", "Cookie", "gatehouse_session=" + nosy).problem(404, "not_found");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/invitations").session(nosy)
                .json("{\"email\":\"nosy@example.com\",\"role\":\"owner\"}").send().problem(404, "not_found");
        gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/invitations").session(nosy).send().problem(404, "not_found");
        gatehouse.request("PATCH", "/api/v1/workspaces/" + workspace + "/members/" + ownerId).session(nosy)
                .json("{\"role\":\"member\"}").send().problem(404, "not_found");
        gatehouse.request("DELETE", "/api/v1/workspaces/" + workspace + "/members/" + ownerId).session(nosy).send().problem(404, "not_found");
        gatehouse.get("/api/v1/workspaces/" + UUID.randomUUID(), "Cookie", "gatehouse_session=" + nosy).problem(404, "not_found");
    }

    @Test
    void adminsInviteMembersWhoJoinByAcceptingMembersCannotInvite() {
        String workspace = workspaceOwnedBy("lead@example.com");
        gatehouse.signUpVerified("deputy@example.com");
        gatehouse.signUpVerified("crew@example.com");
        String lead = gatehouse.login("lead@example.com");

        var invitation = invite(lead, workspace, "DEPUTY@example.com", "admin").expect(201).json();
        assertThat(invitation).containsEntry("email", "deputy@example.com").containsEntry("role", "admin")
                .containsEntry("invited_by", userId("lead@example.com")).containsKeys("id", "expires_at");
        String deputyCookie = gatehouse.login("deputy@example.com");
        assertThat(gatehouse.request("GET", "/api/v1/me/invitations").session(deputyCookie).send().expect(200).jsonList()).singleElement()
                .satisfies(mine -> {
                    assertThat(mine).containsEntry("id", invitation.get("id")).containsEntry("role", "admin")
                            .containsEntry("invited_by", "lead@example.com");
                    assertThat(((Map<?, ?>) mine.get("workspace")).get("id")).isEqualTo(workspace);
                });
        var joined = gatehouse.request("POST", "/api/v1/me/invitations/" + invitation.get("id") + "/accept").session(deputyCookie).send()
                .expect(200).json();
        assertThat(joined).containsEntry("workspace_id", workspace).containsEntry("role", "admin").containsKey("joined_at");
        gatehouse.addMember(workspace, deputyCookie, "crew@example.com", "member");
        String crew = gatehouse.login("crew@example.com");

        invite(crew, workspace, "recruit@example.com", "member").problem(403, "forbidden");
        gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/invitations").session(crew).send().problem(403, "forbidden");
        invite(deputyCookie, workspace, "recruit@example.com", "owner").problem(403, "forbidden");
        invite(lead, workspace, "crew@example.com", "member").problem(409, "already_member");
        invite(lead, workspace, "recruit@example.com", "king").problem(400, "validation_failed");
        invite(lead, workspace, "not an address", "member").problem(400, "invalid_email");
        var pending = invite(lead, workspace, "recruit@example.com", "member").expect(201).json();
        assertThat(gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/invitations").session(lead).send().expect(200)
                .jsonList()).extracting(i -> i.get("email")).containsExactly("recruit@example.com");
        gatehouse.request("DELETE", "/api/v1/workspaces/" + workspace + "/invitations/" + pending.get("id")).session(lead).send().expect(204);
        gatehouse.request("DELETE", "/api/v1/workspaces/" + workspace + "/invitations/" + pending.get("id")).session(lead).send()
                .problem(404, "not_found");

        assertThat(gatehouse.get("/api/v1/workspaces/" + workspace + "/members", "Cookie", "gatehouse_session=" + crew).expect(200)
                .jsonList()).extracting(m -> m.get("email")).containsExactly("lead@example.com", "deputy@example.com", "crew@example.com");
        gatehouse.request("DELETE", "/api/v1/workspaces/" + workspace + "/members/" + userId("crew@example.com")).session(crew).send()
                .expect(204);
        gatehouse.get("/api/v1/workspaces/" + workspace, "Cookie", "gatehouse_session=" + crew).problem(404, "not_found");
        assertThat(gatehouse.auditActions(workspace)).containsExactly("workspace.created", "invitation.created", "invitation.accepted",
                "invitation.created", "invitation.accepted", "invitation.created", "invitation.revoked", "member.removed");
    }

    @Test
    void anInvitationNeedsTheVerifiedOwnerOfItsAddress() {
        String workspace = workspaceOwnedBy("gate@example.com");
        String lead = gatehouse.login("gate@example.com");
        var invitation = invite(lead, workspace, "newcomer@example.com", "member").expect(201).json();
        String message = gatehouse.mailsTo("newcomer@example.com").stream().filter(m -> m.contains("/invitations")).findFirst()
                .orElseGet(() -> {
                    gatehouse.awaitLinkToken("newcomer@example.com", "/invitation");
                    return gatehouse.mailsTo("newcomer@example.com").get(0);
                });
        assertThat(message).contains("Subject: You are invited to join").contains("http://localhost/invitations");

        gatehouse.signUp("newcomer@example.com");
        String newcomer = gatehouse.login("newcomer@example.com");
        String accept = "/api/v1/me/invitations/" + invitation.get("id") + "/accept";
        gatehouse.request("POST", accept).session(newcomer).send().problem(403, "email_not_verified");
        gatehouse.signUpVerified("bystander@example.com");
        gatehouse.request("POST", accept).session(gatehouse.login("bystander@example.com")).send().problem(404, "not_found");

        gatehouse.verifyEmail("newcomer@example.com");
        gatehouse.request("POST", accept).session(newcomer).send().expect(200);
        gatehouse.request("POST", accept).session(newcomer).send().problem(404, "not_found");
    }

    private TestGatehouse.Response invite(String cookie, String workspace, String email, String role) {
        return gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/invitations").session(cookie)
                .json("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}").send();
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorRemoved() {
        String workspace = workspaceOwnedBy("solo-owner@example.com");
        String owner = gatehouse.login("solo-owner@example.com");
        String ownerId = userId("solo-owner@example.com");

        gatehouse.request("PATCH", "/api/v1/workspaces/" + workspace + "/members/" + ownerId).session(owner)
                .json("{\"role\":\"admin\"}").send().problem(409, "last_owner");
        gatehouse.request("DELETE", "/api/v1/workspaces/" + workspace + "/members/" + ownerId).session(owner).send()
                .problem(409, "last_owner");
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceNeverLeaveTheWorkspaceOwnerless() throws Exception {
        for (int round = 0; round < 5; round++) {
            String workspace = workspaceOwnedBy("owner-a" + round + "@example.com");
            gatehouse.signUpVerified("owner-b" + round + "@example.com");
            String a = gatehouse.login("owner-a" + round + "@example.com");
            gatehouse.addMember(workspace, a, "owner-b" + round + "@example.com", "owner");
            String b = gatehouse.login("owner-b" + round + "@example.com");
            String aId = userId("owner-a" + round + "@example.com");
            String bId = userId("owner-b" + round + "@example.com");

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            results.add(pool.submit(() -> {
                start.await();
                return gatehouse.request("PATCH", "/api/v1/workspaces/" + workspace + "/members/" + bId).session(a)
                        .json("{\"role\":\"member\"}").send().status();
            }));
            results.add(pool.submit(() -> {
                start.await();
                return gatehouse.request("PATCH", "/api/v1/workspaces/" + workspace + "/members/" + aId).session(b)
                        .json("{\"role\":\"member\"}").send().status();
            }));
            start.countDown();
            List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
            pool.shutdown();

            List<Map<String, Object>> members = gatehouse.get("/api/v1/workspaces/" + workspace + "/members",
                    "Cookie", "gatehouse_session=" + a).expect(200).jsonList();
            assertThat(members).filteredOn(m -> "owner".equals(m.get("role"))).as("round %d: %s", round, statuses).hasSize(1);
            // The change that commits second runs after the first one's lock is released, when its
            // caller is no longer an owner: it is refused, never applied.
            assertThat(statuses).containsExactlyInAnyOrder(200, 403);
        }
    }

    private String workspaceOwnedBy(String email) {
        return (String) ((Map<?, ?>) gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"W\"}").expect(201).json().get("workspace")).get("id");
    }

    private String userId(String email) {
        String cookie = gatehouse.login(email);
        return (String) gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).expect(200).json().get("id");
    }
}
