package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.TestGatehouse;
import org.junit.jupiter.api.Test;

/**
 * Sign-up and the mailed links in a real browser: sign-up, the verification mail, confirming, signing in;
 * a forgotten password, its mail, a new password. Links land on pages that act only when their button is pressed.
 */
class AccountRecoveryPagesBrowserTest extends BrowserTestBase {


    @Test
    void signUpThenTheMailedLinkConfirmsTheAddressAndTheAccountSignsIn() {
        browser.go("/login").click("a[href='/signup']").screenshot("signup");
        browser.type("email", "newcomer@example.com").type("full_name", "Ada Newcomer").type("password", PASSWORD).submit("email");
        assertThat(browser.text("#notice")).contains("newcomer@example.com");
        browser.screenshot("signup-done");

        String token = gatehouse.awaitLinkToken("newcomer@example.com", "/verify-email?token=");
        browser.go("/verify-email?token=" + token).screenshot("verify-email");
        assertThat(verified("newcomer@example.com")).as("opening the link alone (as a mail scanner does) changes nothing").isFalse();
        browser.click("#confirm");
        assertThat(browser.text("h1")).isEqualTo("Email confirmed");
        assertThat(verified("newcomer@example.com")).isTrue();

        browser.click("#next");
        browser.type("email", "newcomer@example.com").submit("email").type("password", PASSWORD).submit("password");
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#name")).isEqualTo("Ada Newcomer");
        assertThat(browser.text("#email")).contains("verified");
    }

    @Test
    void signUpErrorsAreShownNextToTheirField() {
        gatehouse.signUp("taken@example.com");

        browser.go("/signup").type("email", "taken@example.com").type("password", PASSWORD).submit("email");
        assertThat(browser.all("#email-error[data-code=email_taken]")).hasSize(1);
        browser.type("email", "short@example.com").type("password", "short").submit("email");
        assertThat(browser.all("#password-error[data-code=weak_password]")).hasSize(1);
        assertThat(gatehouse.count("SELECT count(*) FROM users WHERE email = ?", "short@example.com")).isZero();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLink() {
        gatehouse.signUpVerified("forgetful@example.com");
        String oldSession = gatehouse.login("forgetful@example.com");
        String newPassword = "a brand new passphrase";

        browser.go("/login").type("email", "forgetful@example.com").submit("email").click("a[href='/forgot-password']");
        browser.type("email", "forgetful@example.com").screenshot("forgot-password").submit("email");
        assertThat(browser.text("h1")).isEqualTo("Check your email");

        String token = gatehouse.awaitLinkToken("forgetful@example.com", "/reset-password?token=");
        browser.go("/reset-password?token=" + token).screenshot("reset-password");
        browser.type("password", "short").submit("password");
        assertThat(browser.all("#password-error[data-code=weak_password]")).hasSize(1);
        browser.type("password", newPassword).submit("password");
        assertThat(browser.text("h1")).isEqualTo("Password changed");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + oldSession).expect(401);

        browser.go("/reset-password?token=" + token).type("password", "yet another passphrase").submit("password");
        assertThat(browser.text("h1")).as("a reset link works once").isEqualTo("This link no longer works");

        browser.go("/login").type("email", "forgetful@example.com").submit("email").type("password", newPassword).submit("password");
        assertThat(browser.path()).isEqualTo("/account");
    }

    @Test
    void aForgottenPasswordForAnUnknownAddressLooksTheSame() {
        browser.go("/forgot-password").type("email", "nobody@example.com").submit("email");

        assertThat(browser.text("h1")).isEqualTo("Check your email");
    }

    private boolean verified(String email) {
        return gatehouse.count("SELECT count(*) FROM users WHERE email = ? AND email_verified = TRUE", email) == 1;
    }
}
