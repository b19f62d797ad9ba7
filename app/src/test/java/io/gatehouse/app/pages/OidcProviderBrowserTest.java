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
 * Sign-in with an instance provider in the browser, against a real OpenID provider (panva's oidc-provider, run
 * with Node.js): the button on the sign-in page, the provider's own sign-in and consent pages, the callback,
 * and the account page; and linking the provider to an existing account from the account page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcProviderBrowserTest {

    private final int port = PageServer.freePort();
    private final String origin = "http://localhost:" + port;
    private final NodeOpenIdProvider op = NodeOpenIdProvider.start(origin + "/api/v1/auth/oidc/callback");
    private final TestGatehouse gatehouse = PageServer.start(port, Map.of("gatehouse.oidc.providers.acme.issuer", op.issuer(), "gatehouse.oidc.providers.acme.client-id", NodeOpenIdProvider.CLIENT_ID,
            "gatehouse.oidc.providers.acme.client-secret", NodeOpenIdProvider.CLIENT_SECRET,
            "gatehouse.oidc.providers.acme.display-name", "Acme ID"));
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
    void aNewPersonSignsUpWithTheProvidersButtonAndLandsOnTheirAccount() {
        browser.go("/login");
        browser.screenshot("login-with-providers");
        browser.click("a[data-provider=acme]");
        assertThat(browser.path()).startsWith(op.issuer() + "/interaction/");

        providerSignsIn("maria@acme.example");

        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#email")).contains("maria@acme.example").contains("verified");
        assertThat(browser.text("#sessions")).contains("oidc");
        assertThat(browser.text("#links")).contains("Acme ID").contains("maria@acme.example");
    }

    /** The provider does not vouch for the address: no account, and a page that says why. */
    @Test
    void anAddressTheProviderDoesNotVouchForCreatesNothing() {
        browser.go("/login").click("a[data-provider=acme]");

        providerSignsIn("unverified-nobody@acme.example");

        assertThat(browser.text("h1")).isEqualTo("Sign-in refused");
        assertThat(browser.text("#notice")).contains("oidc_email_not_verified");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", "nobody@acme.example")).isZero();
    }

    @Test
    void anExistingAccountLinksTheProviderFromTheAccountPage() {
        gatehouse.signUpVerified("linker@example.com");
        browser.go("/login").type("email", "linker@example.com").submit("email").type("password", PASSWORD).submit("password");
        browser.click("#links button[aria-label='Link Acme ID']");
        browser.waitForUrl(op.issuer());

        providerSignsIn("linker.at.acme@acme.example");

        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#links")).contains("Acme ID").contains("linker.at.acme@acme.example");
        List<?> links = gatehouse.request("GET", "/api/v1/me/external-accounts").session(gatehouse.login("linker@example.com")).send()
                .expect(200).jsonList();
        assertThat(links).hasSize(1);
    }

    /** oidc-provider's development pages: any login and password, then the consent. */
    private void providerSignsIn(String login) {
        browser.fill("input[name=login]", login).fill("input[name=password]", "any password");
        browser.click("button[type=submit]");
        browser.click("button[type=submit]");
    }
}
