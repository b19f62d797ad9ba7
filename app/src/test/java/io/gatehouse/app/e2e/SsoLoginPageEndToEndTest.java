package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sign-in page's email step for an address of a workspace's verified SSO domain: the SSO start use case, then a page
 * that moves the browser on to the IdP without script (a redirect after the form post would be blocked by the pages'
 * {@code form-action 'self'}). The browser round trip through the IdP is still to come (#14).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoLoginPageEndToEndTest {

    private static final TestIdentityProvider IDP = new TestIdentityProvider("Page IdP");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\">");
    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void anEmailOfAVerifiedSsoDomainContinuesAtTheIdpAndOthersGetThePasswordStep() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        TestGatehouse.Response login = gatehouse.get("/login").expect(200);
        String cookie = "gatehouse_csrf=" + login.cookie("gatehouse_csrf");
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();

        TestGatehouse.Response toIdp = gatehouse.request("POST", "/login").headers("Cookie", cookie, "Origin", TestGatehouse.ORIGIN)
                .body("application/x-www-form-urlencoded", "csrf=" + csrf.group(1) + "&email=ann%40" + sso.domain + "&continue=%2Faccount").send();
        TestGatehouse.Response password = gatehouse.request("POST", "/login").headers("Cookie", cookie, "Origin", TestGatehouse.ORIGIN)
                .body("application/x-www-form-urlencoded", "csrf=" + csrf.group(1) + "&email=ann%40elsewhere.example.com").send();

        assertThat(toIdp.status()).isEqualTo(200);
        Matcher refresh = REFRESH.matcher(toIdp.body());
        assertThat(refresh.find()).as("a meta refresh to the IdP").isTrue();
        String url = refresh.group(1).replace("&amp;", "&");
        assertThat(url).startsWith(TestIdentityProvider.SSO_URL + "?").contains("SAMLRequest=").contains("RelayState=");
        assertThat(toIdp.body()).contains("href=\"" + refresh.group(1) + "\"");
        assertThat(toIdp.header("Content-Security-Policy")).contains("form-action 'self'");
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.body()).contains("id=\"password\"").doesNotContain("http-equiv=\"refresh\"");
    }
}
