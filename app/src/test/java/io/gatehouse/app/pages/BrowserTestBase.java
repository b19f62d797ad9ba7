package io.gatehouse.app.pages;

import io.gatehouse.app.e2e.TestGatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One server and one headless Chromium per test class; every test starts as a fresh visitor (no cookies). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {

    final TestGatehouse gatehouse = PageServer.start();
    final Browser browser = Browser.open(origin());

    /** The server's public URL, which the browser uses and the Origin check expects. */
    final String origin() {
        return PageServer.origin(gatehouse);
    }

    /** Signs in on the sign-in page with the test password, as a person would. */
    final Browser signIn(String email) {
        return browser.go("/login").type("email", email).submit("email").type("password", io.gatehouse.app.e2e.TestGatehouse.PASSWORD)
                .submit("password");
    }

    @BeforeEach
    void freshVisitor() {
        browser.forgetCookies();
    }

    @AfterAll
    void stop() {
        browser.close();
        gatehouse.close();
    }
}
