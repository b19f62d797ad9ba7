package io.gatehouse.app.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** OWASP CSRF: cookie-authenticated unsafe requests must come from the public URL's origin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfOriginEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start();
    private String cookie;

    @BeforeAll
    void signedIn() {
        gatehouse.signUp("csrf@example.com");
        cookie = gatehouse.login("csrf@example.com");
    }

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void unsafeCookieRequestWithoutOriginOrRefererThenForbidden() {
        gatehouse.request("POST", "/api/v1/auth/bump").headers("Cookie", "gatehouse_session=" + cookie).send()
                .problem(403, "csrf_origin_mismatch");
    }

    @Test
    void unsafeCookieRequestFromForeignOriginThenForbiddenAndSessionSurvives() {
        for (String origin : new String[] {"https://evil.example", "null", "http://localhost.evil.example", "http://localhost:1"}) {
            gatehouse.request("POST", "/api/v1/auth/logout?all=true")
                    .headers("Cookie", "gatehouse_session=" + cookie, "Origin", origin).send()
                    .problem(403, "csrf_origin_mismatch");
        }
        gatehouse.request("DELETE", "/api/v1/me/sessions")
                .headers("Cookie", "gatehouse_session=" + cookie, "Referer", "https://evil.example/page").send()
                .problem(403, "csrf_origin_mismatch");

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).expect(200);
    }

    @Test
    void unsafeCookieRequestWithMatchingOriginOrRefererThenAllowed() {
        gatehouse.request("POST", "/api/v1/auth/bump").headers("Cookie", "gatehouse_session=" + cookie, "Origin", TestGatehouse.ORIGIN)
                .send().expect(200);
        gatehouse.request("POST", "/api/v1/auth/bump")
                .headers("Cookie", "gatehouse_session=" + cookie, "Referer", TestGatehouse.ORIGIN + "/settings?tab=1").send().expect(200);
    }

    @Test
    void safeMethodsNeedNoOrigin() {
        gatehouse.get("/api/v1/me/sessions", "Cookie", "gatehouse_session=" + cookie).expect(200);
    }

    @Test
    void bearerRequestIsExemptButTheCookieNeverStandsInForABadBearer() {
        gatehouse.request("POST", "/api/v1/auth/bump")
                .headers("Cookie", "gatehouse_session=" + cookie, "Authorization", "Bearer not-a-real-token").send()
                .problem(401, "unauthenticated");
    }

    @Test
    void samlAcsIsExemptFromTheOriginCheck() {
        // The IdP's page posts cross-site: the ACS answers on its merits (here: no such workspace), never 403.
        gatehouse.request("POST", "/api/v1/auth/saml2/login/00000000-0000-0000-0000-000000000000")
                .headers("Cookie", "gatehouse_session=" + cookie, "Origin", "https://idp.example.com")
                .body("application/x-www-form-urlencoded", "SAMLResponse=x").send()
                .problem(404, "sso_not_configured");
    }
}
