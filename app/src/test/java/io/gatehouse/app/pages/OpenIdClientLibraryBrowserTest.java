package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.e2e.SsoWorkspace;
import io.gatehouse.app.e2e.TestGatehouse;
import io.gatehouse.saml.TestIdentityProvider;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An application using a real relying-party library (panva's openid-client, configured from Gatehouse's discovery
 * document) signs people in with Gatehouse in the browser: by password on the hosted sign-in page, and through a
 * workspace's SAML IdP behind the authorization endpoint (the library's login_hint sends the browser straight to it);
 * the library checks the ID token, calls UserInfo, refreshes, and ends the session with RP-initiated logout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class OpenIdClientLibraryBrowserTest {

    private static final String ADMIN = "root@rp.example";
    private static final String ADMIN_PASSWORD = "bootstrap admin passphrase";

    private final int port = PageServer.freePort();
    private final String origin = "http://localhost:" + port;
    private final TestGatehouse gatehouse = PageServer.start(port, Map.of("gatehouse.bootstrap-admin-email", ADMIN,
            "gatehouse.bootstrap-admin-password", ADMIN_PASSWORD));
    private final TestIdentityProvider idp = new TestIdentityProvider("RP IdP");
    private final IdpLoginPages idpPages = IdpLoginPages.start(idp);
    private final SsoWorkspace workspace = SsoWorkspace.create(gatehouse, idp, Map.of("idp_sso_url", idpPages.ssoUrl()));
    private final int rpPort = NodeRelyingParty.reservePort();
    private final Map<String, Object> client = gatehouse.request("POST", "/api/v1/admin/clients").session(gatehouse.login(ADMIN, ADMIN_PASSWORD))
            .json("{\"name\":\"Library app\",\"redirect_uris\":[\"" + NodeRelyingParty.redirectUri(rpPort) + "\"],"
                    + "\"post_logout_redirect_uris\":[\"" + NodeRelyingParty.postLogoutRedirectUri(rpPort) + "\"],"
                    + "\"allowed_scopes\":[\"openid\",\"email\",\"profile\",\"workspaces\"]}").send().expect(201).json();
    private final NodeRelyingParty rp = NodeRelyingParty.start(rpPort, origin, (String) client.get("client_id"),
            (String) client.get("client_secret"), "openid email profile workspaces");
    private final Browser browser = Browser.open(origin);

    {
        idpPages.register(workspace.spEntityId(), workspace.acsUrl());
    }

    @BeforeEach
    void freshVisitor() {
        browser.forgetCookies();
    }

    @AfterAll
    void stop() {
        browser.close();
        rp.close();
        idpPages.close();
        gatehouse.close();
    }

    @Test
    void aPersonSignsInByPasswordAndTheLibraryGetsVerifiedClaimsUserInfoARefreshAndALogout() throws IOException {
        String email = "grace@rp.example";
        gatehouse.signUpVerified(email);

        browser.go(rp.base() + "/login").waitForUrl(origin + "/login");
        browser.type("email", email).submit("email").type("password", PASSWORD).submit("password").waitForUrl(rp.base() + "/callback");

        Map<String, Object> result = result();
        assertThat(result).doesNotContainKey("error");
        Map<String, Object> claims = (Map<String, Object>) result.get("claims");
        assertThat(claims).containsEntry("iss", origin).containsEntry("aud", client.get("client_id")).containsEntry("email", email)
                .containsEntry("email_verified", true).containsEntry("amr", List.of("password"));
        assertThat((Map<String, Object>) result.get("userinfo")).containsEntry("sub", claims.get("sub")).containsEntry("email", email);
        assertThat((Map<String, Object>) result.get("refreshed")).containsEntry("access_token", true).containsEntry("rotated", true)
                .containsEntry("sub", claims.get("sub"));

        browser.go((String) result.get("logout_url")).waitForUrl(rp.base() + "/bye");
        assertThat(result()).containsEntry("signed_out", true).containsEntry("state", "bye-state");
        browser.go("/account");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void aPersonSignsInThroughTheirWorkspacesSamlIdpBehindTheAuthorizationEndpoint() throws IOException {
        String email = "ann@" + workspace.domain;

        browser.go(rp.base() + "/login?login_hint=" + email).waitForUrl(idpPages.origin() + "/saml/sso?SAMLRequest=");
        browser.type("idp-username", email).submit("idp-username");
        browser.click("#idp-continue");
        browser.waitForUrl(rp.base() + "/callback");

        Map<String, Object> result = result();
        assertThat(result).doesNotContainKey("error");
        Map<String, Object> claims = (Map<String, Object>) result.get("claims");
        assertThat(claims).containsEntry("email", email).containsEntry("amr", List.of("saml"));
        assertThat((List<Map<String, Object>>) claims.get("workspaces")).singleElement()
                .satisfies(w -> assertThat(w).containsEntry("id", workspace.id).containsEntry("role", "member"));
    }

    private Map<String, Object> result() throws IOException {
        return gatehouse.context().getBean(JsonMapper.class).readValue(browser.text("#result"), Map.class);
    }
}
