package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.TestGatehouse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pages' headers and their CSRF defences, over plain HTTP: what an attacking site could send, refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSecurityEndToEndTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final TestGatehouse gatehouse = PageServer.start();
    private final String origin = PageServer.origin(gatehouse);

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void everyPageForbidsScriptsFramingAndCachingAndKeepsItsOwnOrigin() {
        Map<String, Object> created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"headers@example.com\",\"password\":\""
                + TestGatehouse.PASSWORD + "\",\"workspace_name\":\"Headers\"}").expect(201).json();
        String workspace = (String) ((Map<?, ?>) created.get("workspace")).get("id");
        String session = "gatehouse_session=" + gatehouse.login("headers@example.com");
        String[] anonymous = {"/login", "/login?continue=https://evil.example/", "/signup", "/forgot-password", "/reset-password?token=x",
                "/verify-email?token=x", "/link-account", "/api/v1/auth/oidc/callback?state=forged"};
        String[] signedIn = {"/account", "/invitations", "/workspaces/" + workspace + "/settings"};
        for (String path : anonymous) {
            assertPage(path, gatehouse.get(path, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        }
        for (String path : signedIn) {
            assertPage(path, gatehouse.get(path, "Cookie", session).expect(200));
        }
        assertThat(gatehouse.get("/api/v1/me").header("Content-Security-Policy")).as("JSON answers are not pages").isNull();
    }

    private static void assertPage(String path, TestGatehouse.Response page) {
        assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).as(path).contains("default-src 'none'").contains("frame-ancestors 'none'").contains("form-action 'self'")
                .contains("style-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        // not no-referrer: Chromium would then send Origin: null on the pages' own posts.
        assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
        assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-store");
        assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(page.body()).as(path).doesNotContain("<script>").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void theCsrfCookieIsHttpOnlyAndStrict() {
        String setCookie = gatehouse.get("/login").setCookie("gatehouse_csrf");

        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
    }

    /** Login CSRF: another site posting its attacker's credentials into the victim's browser gets no session. */
    @Test
    void aLoginPostWithoutThisBrowsersTokenForThisFormIsRefused() {
        gatehouse.signUpVerified("csrf@example.com");
        Visitor victim = visit();
        Visitor attacker = visit();
        String credentials = "&email=csrf%40example.com&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

        TestGatehouse.Response noToken = post("/login", victim.cookie(), credentials.substring(1));
        TestGatehouse.Response attackersToken = post("/login", victim.cookie(), "csrf=" + attacker.token() + credentials);
        TestGatehouse.Response noCookie = post("/login", null, "csrf=" + victim.token() + credentials);
        TestGatehouse.Response genuine = post("/login", victim.cookie(), "csrf=" + victim.token() + credentials);

        for (TestGatehouse.Response refused : new TestGatehouse.Response[] {noToken, attackersToken, noCookie}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("data-code=\"csrf_token_invalid\"");
            assertThat(refused.cookie("gatehouse_session")).isNull();
        }
        assertThat(genuine.status()).as("control").isEqualTo(303);
        assertThat(genuine.cookie("gatehouse_session")).isNotBlank();
    }

    /** A token is good for the form it was made for only, and signing out also needs the right Origin. */
    @Test
    void signingOutNeedsTheLogoutFormsTokenAndOurOrigin() {
        gatehouse.signUpVerified("logout@example.com");
        Visitor visitor = visit();
        String session = post("/login", visitor.cookie(), "csrf=" + visitor.token() + "&email=logout%40example.com&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)).expect(303).cookie("gatehouse_session");
        String cookies = visitor.cookie() + "; gatehouse_session=" + session;
        String logoutToken = tokenOfForm(gatehouse.get("/account", "Cookie", cookies).expect(200).body(), "/logout");

        TestGatehouse.Response loginFormsToken = gatehouse.request("POST", "/logout").headers("Cookie", cookies, "Origin", origin)
                .body("application/x-www-form-urlencoded", "csrf=" + visitor.token()).send();
        TestGatehouse.Response otherOrigin = gatehouse.request("POST", "/logout").headers("Cookie", cookies, "Origin", "https://evil.example")
                .body("application/x-www-form-urlencoded", "csrf=" + logoutToken).send();
        assertThat(loginFormsToken.status()).isEqualTo(403);
        assertThat(otherOrigin.status()).isEqualTo(403);
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + session).expect(200);

        gatehouse.request("POST", "/logout").headers("Cookie", cookies, "Origin", origin)
                .body("application/x-www-form-urlencoded", "csrf=" + logoutToken).send().expect(303);
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + session).expect(401);
    }

    private record Visitor(String cookie, String token) {
    }

    /** A browser's first visit to the sign-in page: its CSRF cookie and the form's token. */
    private Visitor visit() {
        TestGatehouse.Response page = gatehouse.get("/login").expect(200);
        return new Visitor("gatehouse_csrf=" + page.cookie("gatehouse_csrf"), token(page.body()));
    }

    private TestGatehouse.Response post(String path, String cookie, String form) {
        TestGatehouse.Request request = gatehouse.request("POST", path).body("application/x-www-form-urlencoded", form)
                .headers("Origin", origin);
        if (cookie != null) {
            request.headers("Cookie", cookie);
        }
        return request.send();
    }

    private static String tokenOfForm(String html, String action) {
        Matcher matcher = Pattern.compile("action=\"" + Pattern.quote(action) + "\">\\s*<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as("the form posting to " + action).isTrue();
        return matcher.group(1);
    }

    private static String token(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return matcher.group(1);
    }
}
