package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.SsoWorkspace;
import io.gatehouse.saml.TestIdentityProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Email-first sign-in through a workspace's IdP in the browser: Gatehouse's sign-in page, the IdP's own
 * sign-in page (another host), the IdP's POST back to the ACS, and the landing page; and the link
 * confirmation for an existing account, whose code travels in a cookie, never in the address bar.
 */
class SsoSignInBrowserTest extends BrowserTestBase {

    private final TestIdentityProvider idp = new TestIdentityProvider("Browser IdP");
    private final IdpLoginPages idpPages = IdpLoginPages.start(idp);
    private final SsoWorkspace workspace = SsoWorkspace.create(gatehouse, idp, Map.of("idp_sso_url", idpPages.ssoUrl()));

    {
        idpPages.register(workspace.spEntityId(), workspace.acsUrl());
    }

    @AfterAll
    void stopIdp() {
        idpPages.close();
    }

    @Test
    void aNewPersonSignsInThroughTheIdpsPageAndLandsOnTheirAccount() {
        String email = "ann@" + workspace.domain;

        browser.go("/login").type("email", email).submit("email");
        browser.waitForUrl(idpPages.origin() + "/saml/sso?SAMLRequest=");
        browser.type("idp-username", email).submit("idp-username");
        browser.click("#idp-continue");

        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#email")).contains(email).contains("verified");
        assertThat(browser.text("#sessions")).contains("saml");
        assertThat(workspace.events().get(0)).containsEntry("outcome", "success").containsEntry("email", email);
    }

    @Test
    void theSignInReturnsToThePageThatAskedForIt() {
        String email = "bea@" + workspace.domain;

        browser.go("/invitations");
        assertThat(browser.path()).isEqualTo("/login?continue=/invitations");
        browser.type("email", email).submit("email");
        browser.waitForUrl(idpPages.origin());
        browser.type("idp-username", email).submit("idp-username");
        browser.click("#idp-continue");

        assertThat(browser.path()).isEqualTo("/invitations");
    }

    @Test
    void anExistingAccountIsLinkedOnlyWithItsPassword() {
        String email = "carl@" + workspace.domain;
        gatehouse.signUpVerified(email);

        browser.go("/login").type("email", email).submit("email");
        browser.waitForUrl(idpPages.origin());
        browser.type("idp-username", email).submit("idp-username");
        browser.click("#idp-continue");

        assertThat(browser.path()).as("the confirmation code is in an HttpOnly cookie, not in the address")
                .isEqualTo("/link-account?continue=%2Faccount");
        assertThat(browser.text("#account-email")).isEqualTo(email);
        assertThat(browser.cookieHeader()).as("not signed in before the password is confirmed").doesNotContain("gatehouse_session");
        browser.screenshot("link-account");

        browser.type("password", "not the password").submit("password");
        assertThat(browser.all("[data-code=invalid_credentials]")).hasSize(1);
        assertThat(linkedProviders(email)).isEmpty();

        browser.type("password", PASSWORD).submit("password");

        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#sessions")).contains("saml");
        assertThat(linkedProviders(email)).containsExactly("saml:" + workspace.id);
        browser.go("/link-account");
        assertThat(browser.text("h1")).as("the code was used up and its cookie cleared").isEqualTo("Nothing to confirm");
    }

    /** The IdP vouches for an address outside the workspace's domains: the person reads a page with the code, the admins read why. */
    @Test
    void aRefusedAnswerShowsAPageWithTheCodeAndTheReasonGoesToTheAdmins() {
        browser.go("/login").type("email", "dan@" + workspace.domain).submit("email");
        browser.waitForUrl(idpPages.origin());
        browser.type("idp-username", "mallory@elsewhere.example").submit("idp-username");
        browser.click("#idp-continue");

        assertThat(browser.text("h1")).isEqualTo("Sign-in refused");
        assertThat(browser.text("#notice")).contains("saml_email_domain_not_allowed").doesNotContain("elsewhere.example");
        assertThat(browser.cookieHeader()).doesNotContain("gatehouse_session");
        assertThat(workspace.events().get(0)).containsEntry("code", "saml_email_domain_not_allowed");
        assertThat((String) workspace.events().get(0).get("detail")).contains("elsewhere.example");
    }

    /**
     * From the account page, a member whose own address is elsewhere links the workspace's IdP (through its sign-in
     * page, as the identity the IdP knows them by), then unlinks it.
     */
    @Test
    void aMemberLinksAndUnlinksTheWorkspacesSignInFromTheAccountPage() {
        String member = "pat@home.example";
        String atWork = "pat@" + workspace.domain;
        gatehouse.signUpVerified(member);
        gatehouse.addMember(workspace.id, workspace.ownerCookie, member, "member");
        signIn(member).go("/account");
        assertThat(browser.text("#links")).contains("not linked");

        browser.click("#links button[aria-label^='Link ']");
        browser.waitForUrl(idpPages.origin());
        browser.type("idp-username", atWork).submit("idp-username");
        browser.click("#idp-continue");

        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#links")).contains("single sign-on").contains(atWork).doesNotContain("not linked");
        assertThat(linkedProviders(member)).containsExactly("saml:" + workspace.id);

        browser.click("#links button[aria-label^='Unlink ']");
        assertThat(linkedProviders(member)).isEmpty();
        assertThat(browser.text("#links")).contains("not linked");
    }

    /** Someone the IdP provisioned has no password: the page says so, and the only link cannot be removed. */
    @Test
    void theOnlyWayToSignInCannotBeUnlinked() {
        String email = "eve@" + workspace.domain;
        browser.go("/login").type("email", email).submit("email");
        browser.waitForUrl(idpPages.origin());
        browser.type("idp-username", email).submit("idp-username");
        browser.click("#idp-continue");
        assertThat(browser.text("#no-password")).contains("without a password");

        browser.click("#links button[aria-label^='Unlink ']");

        assertThat(browser.all("#links-error[data-code=last_login_method]")).hasSize(1);
        assertThat(browser.text("#links")).contains(email);
    }

    @Test
    void withoutAPendingConfirmationThePageOffersNothingToConfirm() {
        browser.go("/link-account");

        assertThat(browser.text("h1")).isEqualTo("Nothing to confirm");
        assertThat(browser.all("input[type=password]")).isEmpty();
    }

    private List<Object> linkedProviders(String email) {
        return gatehouse.request("GET", "/api/v1/me/external-accounts").session(gatehouse.login(email)).send().expect(200).jsonList().stream()
                .map(link -> link.get("provider_name")).toList();
    }
}
