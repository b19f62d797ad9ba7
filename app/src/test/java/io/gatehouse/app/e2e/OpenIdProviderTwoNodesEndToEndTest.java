package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gatehouse as an OpenID Provider on two nodes behind one public URL: authorize on A, token on B (the code is in the
 * database), refresh on A, UserInfo on B; and a code that waited longer than its lifetime is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenIdProviderTwoNodesEndToEndTest {

    private static final String ADMIN = "root@op2.example";
    private static final String ADMIN_PASSWORD = "bootstrap admin passphrase";
    private static final String REDIRECT = "https://app.example/callback";

    private final List<TestGatehouse> nodes = TestGatehouse.cluster(2, Map.of("gatehouse.bootstrap-admin-email", ADMIN,
            "gatehouse.bootstrap-admin-password", ADMIN_PASSWORD, "gatehouse.oauth.code-lifetime", "2s"));

    @AfterAll
    void stop() {
        nodes.forEach(TestGatehouse::close);
    }

    @Test
    void authorizeOnOneNodeTokenOnTheOther() {
        TestGatehouse a = nodes.get(0);
        TestGatehouse b = nodes.get(1);
        Map<String, Object> client = a.request("POST", "/api/v1/admin/clients").session(a.login(ADMIN, ADMIN_PASSWORD))
                .json("{\"name\":\"Two nodes\",\"redirect_uris\":[\"" + REDIRECT + "\"]}").send().expect(201).json();
        a.signUpVerified("ada@op2.example");
        String verifier = "v".repeat(20) + "-two-nodes-verifier-0123456789";

        String code = code(a, a.login("ada@op2.example"), client, verifier);
        Map<String, Object> tokens = token(b, client, "grant_type=authorization_code&code=" + code + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_verifier=" + verifier).expect(200).json();
        Map<String, Object> refreshed = token(a, client, "grant_type=refresh_token&refresh_token=" + tokens.get("refresh_token"))
                .expect(200).json();

        assertThat(b.get("/oauth2/userinfo", "Authorization", "Bearer " + refreshed.get("access_token")).expect(200).json())
                .containsEntry("email", "ada@op2.example");
        assertThat(token(a, client, "grant_type=authorization_code&code=" + code + "&redirect_uri=" + URLEncoder.encode(REDIRECT,
                StandardCharsets.UTF_8) + "&code_verifier=" + verifier).expect(400).json()).as("spent on B, refused on A")
                .containsEntry("error", "invalid_grant");
    }

    @Test
    void aCodeOlderThanItsLifetimeIsRefused() throws InterruptedException {
        TestGatehouse a = nodes.get(0);
        Map<String, Object> client = a.request("POST", "/api/v1/admin/clients").session(a.login(ADMIN, ADMIN_PASSWORD))
                .json("{\"name\":\"Slow\",\"redirect_uris\":[\"" + REDIRECT + "\"]}").send().expect(201).json();
        a.signUpVerified("slow@op2.example");
        String verifier = "s".repeat(20) + "-slow-verifier-0123456789abcdef";
        String code = code(a, a.login("slow@op2.example"), client, verifier);

        Thread.sleep(2_500);

        assertThat(token(nodes.get(1), client, "grant_type=authorization_code&code=" + code + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_verifier=" + verifier).expect(400).json())
                .containsEntry("error", "invalid_grant").containsEntry("error_description", "unknown or expired code");
    }

    private static String code(TestGatehouse node, String session, Map<String, Object> client, String verifier) {
        String location = node.request("GET", "/oauth2/authorize?response_type=code&client_id=" + client.get("client_id") + "&redirect_uri="
                        + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=openid%20email&state=s&nonce=n&code_challenge="
                        + OpenIdProviderEndToEndTest.challenge(verifier) + "&code_challenge_method=S256")
                .headers("Accept", "text/html", "Cookie", "gatehouse_session=" + session).send().expect(302).header("Location");
        return OidcQuery.of(location).get("code");
    }

    private static TestGatehouse.Response token(TestGatehouse node, Map<String, Object> client, String form) {
        return node.request("POST", "/oauth2/token").body("application/x-www-form-urlencoded", form)
                .basic((String) client.get("client_id"), (String) client.get("client_secret")).send();
    }
}
