package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.TestGatehouse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An invitation accepted in the browser, from the mailed link; and the rules of the JSON API on the page. */
class InvitationsPageBrowserTest extends BrowserTestBase {


    @Test
    void theMailedLinkLeadsThroughSignInToTheInvitationWhichIsAccepted() {
        String workspace = invite("acme-owner@example.com", "Acme Rockets", "invitee@example.com");
        gatehouse.signUpVerified("invitee@example.com");
        assertThat(gatehouse.mailsTo("invitee@example.com").get(0)).contains("/invitations");

        browser.go("/invitations");
        assertThat(browser.path()).isEqualTo("/login?continue=/invitations");
        browser.type("email", "invitee@example.com").submit("email").type("password", PASSWORD).submit("password");
        assertThat(browser.path()).isEqualTo("/invitations");
        assertThat(browser.text("#invitations")).contains("Acme Rockets").contains("member").contains("acme-owner@example.com");
        browser.screenshot("invitations");

        browser.click("#invitations button[type=submit]");

        assertThat(browser.text("#joined")).isEqualTo("You joined Acme Rockets.");
        assertThat(browser.all("#invitations")).isEmpty();
        List<?> workspaces = (List<?>) gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + gatehouse.login("invitee@example.com"))
                .expect(200).json().get("workspaces");
        assertThat(workspaces.stream().map(w -> (Object) ((Map<?, ?>) w).get("id")).toList()).contains(workspace);
    }

    /** The API's rule holds on the page: an address nobody has proved cannot take an invitation meant for its owner. */
    @Test
    void anUnverifiedAddressCannotAccept() {
        invite("beta-owner@example.com", "Beta Labs", "unproved@example.com");
        gatehouse.signUp("unproved@example.com");

        browser.go("/login?continue=/invitations").type("email", "unproved@example.com").submit("email")
                .type("password", PASSWORD).submit("password");
        browser.click("#invitations button[type=submit]");

        assertThat(browser.all("[data-code=email_not_verified]")).hasSize(1);
        assertThat(browser.text("#invitations")).contains("Beta Labs");
    }

    /** An invitation id addressed to someone else, posted with the intruder's own valid form token, is refused and joins nobody. */
    @Test
    void anotherPersonsInvitationCannotBeAccepted() {
        String victims = invite("gamma-owner@example.com", "Gamma Co", "intended@example.com");
        String invitation = (String) gatehouse.request("GET", "/api/v1/workspaces/" + victims + "/invitations")
                .session(gatehouse.login("gamma-owner@example.com")).send().expect(200).jsonList().get(0).get("id");
        invite("delta-owner@example.com", "Delta Inc", "intruder@example.com");
        gatehouse.signUpVerified("intruder@example.com");
        browser.go("/login?continue=/invitations").type("email", "intruder@example.com").submit("email")
                .type("password", PASSWORD).submit("password");
        String html = browser.html();
        String csrf = html.substring(html.indexOf("name=\"csrf\" value=\"") + 19).split("\"", 2)[0];

        TestGatehouse.Response refused = gatehouse.request("POST", "/invitations/accept")
                .headers("Cookie", browser.cookieHeader(), "Origin", origin())
                .body("application/x-www-form-urlencoded", "csrf=" + csrf + "&id=" + invitation).send();

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).contains("data-code=\"not_found\"");
        assertThat(gatehouse.count("SELECT count(*) FROM memberships WHERE workspace_id = ?", java.util.UUID.fromString(victims)))
                .as("only the owner").isEqualTo(1);
    }

    /** The owner signs up with a workspace, verifies, and invites {@code email} as a member; returns the workspace id. */
    private String invite(String owner, String workspaceName, String email) {
        Map<String, Object> created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"" + workspaceName + "\"}").expect(201).json();
        gatehouse.verifyEmail(owner);
        String workspace = (String) ((Map<?, ?>) created.get("workspace")).get("id");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/invitations")
                .headers("Cookie", "gatehouse_session=" + gatehouse.login(owner), "Origin", origin())
                .json("{\"email\":\"" + email + "\",\"role\":\"member\"}").send().expect(201);
        return workspace;
    }
}
