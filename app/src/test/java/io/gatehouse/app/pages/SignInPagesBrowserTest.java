package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.TestGatehouse;
import org.junit.jupiter.api.Test;

/** The sign-in and account pages in a real browser (headless Chromium, JavaScript off), on H2 and PostgreSQL. */
class SignInPagesBrowserTest extends BrowserTestBase {


    @Test
    void emailFirstThenPasswordSignsInToTheAccountPageAndSignsOut() {
        gatehouse.signUpVerified("pages@example.com");

        browser.go("/").screenshot("login");
        assertThat(browser.path()).isEqualTo("/login");
        browser.type("email", "pages@example.com").submit("email");
        assertThat(browser.all("#password")).as("no SSO for example.com: the password step").hasSize(1);
        browser.type("password", PASSWORD).screenshot("login-password").submit("password");

        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text("#email")).contains("pages@example.com").contains("verified");
        browser.screenshot("account");

        browser.click("#sign-out");
        assertThat(browser.path()).isEqualTo("/login");
        browser.go("/account");
        assertThat(browser.path()).as("signed out: the account asks to sign in again").isEqualTo("/login?continue=/account");
    }

    /** Issue #14's first flow, past sign-in: create an API token (its secret shown once), use it, delete it; end another session. */
    @Test
    void anApiTokenIsCreatedShownOnceAndDeletedAndAnotherSessionIsSignedOut() {
        gatehouse.signUpVerified("tokens@example.com");
        String elsewhere = gatehouse.login("tokens@example.com");
        browser.go("/login").type("email", "tokens@example.com").submit("email").type("password", PASSWORD).submit("password");

        browser.type("note", "deploy script").submit("note");
        String secret = browser.value("#new-token");
        assertThat(secret).startsWith("gh_at_");
        browser.screenshot("account-new-token");
        gatehouse.get("/api/v1/me", "Authorization", "Bearer " + secret).expect(200);
        assertThat(browser.text("#tokens")).contains("deploy script");

        browser.go("/account");
        assertThat(browser.all("#new-token")).as("shown once: not on the next visit").isEmpty();
        assertThat(browser.html()).doesNotContain(secret);
        browser.click("#tokens button[type=submit]");
        assertThat(browser.all("#tokens")).isEmpty();
        gatehouse.get("/api/v1/me", "Authorization", "Bearer " + secret).expect(401);

        assertThat(browser.all("#sessions li")).hasSize(2);
        browser.click("#sessions button[type=submit]");
        assertThat(browser.all("#sessions li")).hasSize(1);
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + elsewhere).expect(401);
        browser.click("#sign-out");
    }

    /** The copy button is the one script, loaded as a file (the CSP allows no other): hidden without JavaScript, shown with it. */
    @Test
    void theCopyButtonAppearsOnlyWhereJavaScriptRuns() {
        gatehouse.signUpVerified("copy@example.com");
        browser.go("/login").type("email", "copy@example.com").submit("email").type("password", PASSWORD).submit("password");
        browser.type("note", "without script").submit("note");
        assertThat(browser.isDisplayed("button[data-copy]")).isFalse();
        browser.click("#sign-out");

        try (Browser scripted = Browser.open(origin(), true)) {
            scripted.go("/login").type("email", "copy@example.com").submit("email").type("password", PASSWORD).submit("password");
            scripted.type("note", "with script").submit("note");
            assertThat(scripted.isDisplayed("button[data-copy]")).isTrue();
        }
    }

    /** The account's forms need a browser session: a bearer token (an API token, maybe scoped to one workspace) cannot drive them. */
    @Test
    void aBearerTokenCannotUseTheAccountPages() {
        gatehouse.signUpVerified("bearer-pages@example.com");
        String token = (String) gatehouse.request("POST", "/api/v1/me/api-tokens").basic("bearer-pages@example.com", PASSWORD)
                .json("{}").send().expect(201).json().get("access_token");

        TestGatehouse.Response page = gatehouse.get("/account", "Authorization", "Bearer " + token);
        TestGatehouse.Response create = gatehouse.request("POST", "/account/api-tokens").headers("Authorization", "Bearer " + token)
                .body("application/x-www-form-urlencoded", "note=x").send();

        assertThat(page.status()).isEqualTo(303);
        assertThat(create.status()).isEqualTo(303);
        assertThat(gatehouse.get("/api/v1/me/api-tokens", "Authorization", "Bearer " + token).expect(200).json().get("tokens"))
                .asList().hasSize(1);
    }

    @Test
    void aWrongPasswordIsShownNextToTheFieldWithTheApiCode() {
        gatehouse.signUpVerified("wrong@example.com");

        browser.go("/login").type("email", "wrong@example.com").submit("email");
        browser.type("password", "not the password").submit("password");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("#password-error")).contains("do not match");
        assertThat(browser.all("#password-error[data-code=invalid_credentials]")).hasSize(1);
        browser.screenshot("login-error");
    }

    @Test
    void aSignInReturnsToTheContinueTargetButNeverToAnotherSite() {
        gatehouse.signUpVerified("continue@example.com");

        browser.go("/login?continue=/account%3Ffrom%3Dcontinue").type("email", "continue@example.com").submit("email");
        browser.type("password", PASSWORD).submit("password");
        assertThat(browser.path()).isEqualTo("/account?from=continue");
        browser.click("#sign-out");

        browser.go("/login?continue=https://evil.example/steal");
        assertThat(browser.all("[data-code=invalid_redirect]")).hasSize(1);
        browser.type("email", "continue@example.com").submit("email");
        assertThat(browser.path()).as("the page refuses, it does not drop the target silently").startsWith("/login");
    }

    /** A name is user input: the account page shows it as text, it never runs. */
    @Test
    void userInputIsRenderedAsTextNeverAsMarkup() {
        String hostile = "<img src=x onerror=alert(1)>";
        gatehouse.postJson("/api/v1/signup", "{\"email\":\"hostile@example.com\",\"password\":\"" + PASSWORD + "\",\"full_name\":\""
                + hostile + "\"}").expect(201);
        gatehouse.verifyEmail("hostile@example.com");

        browser.go("/login").type("email", "hostile@example.com").submit("email").type("password", PASSWORD).submit("password");

        assertThat(browser.text("#name")).isEqualTo(hostile);
        assertThat(browser.all("img")).as("no element was made of the name").isEmpty();
        browser.click("#sign-out");
    }
}
