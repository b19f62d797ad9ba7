package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The account page's password and developer-key forms in the browser, under the JSON API's rules. */
class AccountPageBrowserTest extends BrowserTestBase {

    @Test
    void aPasswordChangeChecksTheCurrentOneRefusesAWeakOneAndSignsOutEveryOtherSession() {
        String email = "changer@example.com";
        gatehouse.signUpVerified(email);
        String otherSession = gatehouse.login(email);
        signIn(email).go("/account");

        browser.type("current_password", "not my password").type("new_password", "a brand new passphrase").submit("current_password");
        assertThat(browser.all("#current_password-error[data-code=invalid_credentials]")).hasSize(1);

        browser.type("current_password", PASSWORD).type("new_password", "short").submit("current_password");
        assertThat(browser.all("#new_password-error[data-code=weak_password]")).hasSize(1);

        browser.type("current_password", PASSWORD).type("new_password", "a brand new passphrase").submit("current_password");
        assertThat(browser.text("#notice")).contains("password is changed");
        assertThat(gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + otherSession).status()).isEqualTo(401);
        browser.go("/account");
        assertThat(browser.path()).as("this browser stays signed in").isEqualTo("/account");
        gatehouse.login(email, "a brand new passphrase");
    }

    @Test
    void aDeveloperKeyIsShownWithItsSecretOnceAndAReplacementRetiresTheOldPair() {
        String email = "developer@example.com";
        gatehouse.signUpVerified(email);
        signIn(email).go("/account");
        assertThat(browser.text("#api-key")).contains("No developer API key");

        browser.click("#new-key");
        String key = browser.value("#new-api-key");
        String secret = browser.value("#new-api-secret");
        gatehouse.postJson("/api/v1/developer/sign-in", "{\"api_key\":\"" + key + "\",\"api_secret\":\"" + secret + "\"}").expect(200);

        browser.go("/account");
        assertThat(browser.text("#api-key")).contains(key);
        assertThat(browser.html()).as("the secret is never shown again").doesNotContain(secret);

        browser.click("#new-key");
        assertThat(browser.value("#new-api-key")).isNotEqualTo(key);
        assertThat(gatehouse.postJson("/api/v1/developer/sign-in", "{\"api_key\":\"" + key + "\",\"api_secret\":\"" + secret + "\"}")
                .status()).isEqualTo(401);
    }
}
