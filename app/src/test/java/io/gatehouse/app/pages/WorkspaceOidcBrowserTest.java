package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.TestGatehouse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A workspace connected to its IdP over OpenID Connect, in the browser against a real OpenID provider (panva's
 * oidc-provider): the admin types the connection on the settings page, switches it on and tests it (the IdP's answer
 * for the admin's own address asks for the password), then a newcomer of the domain signs in email-first on the
 * sign-in page and lands on their account as a member of the workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceOidcBrowserTest {

    private final int port = PageServer.freePort();
    private final String origin = "http://localhost:" + port;
    private final NodeOpenIdProvider op = NodeOpenIdProvider.start(origin + "/api/v1/auth/oidc/callback");
    // The provider runs on loopback, which a tenant's connection reaches only when the operator allows it.
    private final TestGatehouse gatehouse = PageServer.start(port, Map.of("gatehouse.oidc.connections-allow-private-addresses", true));
    private final Browser browser = Browser.open(origin);

    @BeforeEach
    void freshVisitor() {
        browser.forgetCookies();
    }

    @AfterAll
    void stop() {
        browser.close();
        gatehouse.close();
        op.close();
    }

    @Test
    void anAdminConnectsTheWorkspaceOverOpenIdConnectAndItsPeopleSignInByEmail() {
        String domain = "oidc-pages-" + ProcessHandle.current().pid() + ".example.com";
        String owner = "owner@" + domain;
        String workspace = (String) ((Map<?, ?>) gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\""
                + PASSWORD + "\",\"workspace_name\":\"Orbit\"}").expect(201).json().get("workspace")).get("id");
        gatehouse.verifyEmail(owner);
        verifyDomain(workspace, owner, domain);
        String settings = "/workspaces/" + workspace + "/settings";
        browser.go("/login").type("email", owner).submit("email").type("password", PASSWORD).submit("password").go(settings);
        assertThat(browser.text("#oidc-redirect-uri")).isEqualTo(origin + "/api/v1/auth/oidc/callback");

        browser.run("document.getElementById('protocol-oidc').checked = true");
        browser.type("oidc_issuer", op.issuer()).type("oidc_client_id", NodeOpenIdProvider.CLIENT_ID)
                .type("oidc_client_secret", NodeOpenIdProvider.CLIENT_SECRET).type("email_domains", domain).submit("oidc_issuer");

        assertThat(browser.text("#idp-protocol")).isEqualTo("OpenID Connect");
        assertThat(browser.text("#idp-issuer")).isEqualTo(op.issuer());
        assertThat(browser.html()).as("the secret is never shown again").doesNotContain(NodeOpenIdProvider.CLIENT_SECRET);
        browser.click("#toggle-sso");
        assertThat(browser.text("#sso-status")).contains("on");

        // The admin's own address: the IdP's answer finds the password account, which links only with its password.
        browser.click("#test-sso").waitForUrl(op.issuer());
        providerSignsIn(owner);
        assertThat(browser.path()).startsWith("/link-account");
        browser.type("password", PASSWORD).submit("password");
        assertThat(browser.path()).isEqualTo(settings);
        assertThat(browser.text("#events")).contains("sso_link_confirmation_required").contains("success").contains(owner);
        browser.screenshot("workspace-settings-oidc");

        // A newcomer of the domain: email first, straight to the workspace's IdP, back as a new member.
        browser.forgetCookies();
        String newcomer = "newcomer@" + domain;
        browser.go("/login").type("email", newcomer).submit("email").waitForUrl(op.issuer());
        providerSignsIn(newcomer);
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#sessions")).contains("oidc");
        assertThat(browser.text("#workspaces")).contains("Orbit");
        List<String> roles = gatehouse.column("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?", newcomer);
        assertThat(roles).containsExactly("member");
    }

    /** Publishes the claim's TXT record on the test DNS server and verifies the domain, as its owner would. */
    private void verifyDomain(String workspace, String owner, String domain) {
        String session = gatehouse.login(owner);
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/domains").session(session)
                .json("{\"domain\":\"" + domain + "\"}").send().expect(201);
        gatehouse.verifyDomain(workspace, session, domain);
    }

    /** oidc-provider's development pages: any login and password, then the consent. */
    private void providerSignsIn(String login) {
        browser.fill("input[name=login]", login).fill("input[name=password]", "any password");
        browser.click("button[type=submit]");
        browser.click("button[type=submit]");
    }
}
