package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsEndToEndTest {

    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "gatehouse.redirect-allowed-origins", "https://app.example.com"));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void loginSetsAHardenedSessionCookieAndReturnsTheUser() {
        gatehouse.signUp("cookie@example.com");

        var response = gatehouse.postJson("/api/v1/auth/login",
                "{\"email\":\"cookie@example.com\",\"password\":\"" + PASSWORD + "\"}").expect(200);

        String setCookie = response.setCookie("gatehouse_session");
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(setCookie).as("plain http on loopback: no Secure flag").doesNotContainIgnoringCase("Secure");
        assertThat(response.cookie("gatehouse_session")).hasSizeGreaterThanOrEqualTo(43);
        @SuppressWarnings("unchecked") Map<String, Object> user = (Map<String, Object>) response.json().get("user");
        assertThat(user).containsEntry("email", "cookie@example.com");
    }

    @Test
    void loginWithHttpBasicWorksLikeJson() {
        gatehouse.signUp("basic@example.com");

        var response = gatehouse.request("POST", "/api/v1/auth/login").basic("basic@example.com", PASSWORD).send().expect(200);

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + response.cookie("gatehouse_session")).expect(200);
    }

    @Test
    void loginWhenPasswordWrongOrEmailUnknownThenIdenticalInvalidCredentials() {
        gatehouse.signUp("known@example.com");

        var wrongPassword = gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"known@example.com\",\"password\":\"wrong wrong wrong\"}");
        var unknownEmail = gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"unknown@example.com\",\"password\":\"wrong wrong wrong\"}");
        var basicWrong = gatehouse.request("POST", "/api/v1/auth/login").basic("known@example.com", "nope nope nope").send();

        wrongPassword.problem(401, "invalid_credentials");
        unknownEmail.problem(401, "invalid_credentials");
        basicWrong.problem(401, "invalid_credentials");
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(wrongPassword.setCookie("gatehouse_session")).isNull();
    }

    @Test
    void loginWithRedirectToRelativePathOrAllowedOriginThenFound() {
        gatehouse.signUp("redirect@example.com");
        String body = "{\"email\":\"redirect@example.com\",\"password\":\"" + PASSWORD + "\"}";

        var relative = gatehouse.postJson("/api/v1/auth/login?redirect=/dashboard", body).expect(302);
        var allowed = gatehouse.postJson("/api/v1/auth/login?redirect=https://app.example.com/welcome", body).expect(302);

        assertThat(relative.header("Location")).isEqualTo("/dashboard");
        assertThat(relative.cookie("gatehouse_session")).isNotBlank();
        assertThat(allowed.header("Location")).isEqualTo("https://app.example.com/welcome");
    }

    @Test
    void loginWithRedirectOffTheAllowListThenInvalidRedirectAndNoSession() {
        gatehouse.signUp("evil-redirect@example.com");
        String body = "{\"email\":\"evil-redirect@example.com\",\"password\":\"" + PASSWORD + "\"}";

        for (String target : List.of("//evil.example", "https://evil.example/", "https:%2F%2Fevil.example", "/%5Cevil.example",
                "javascript:alert(1)", "https://app.example.com@evil.example/")) {
            var response = gatehouse.postJson("/api/v1/auth/login?redirect=" + target, body);
            response.problem(400, "invalid_redirect");
            assertThat(response.setCookie("gatehouse_session")).as(target).isNull();
        }
    }

    @Test
    void sessionListFlagsCurrentAndRevokingOneLeavesTheOthers() {
        gatehouse.signUp("lister@example.com");
        String first = gatehouse.login("lister@example.com");
        String second = gatehouse.login("lister@example.com");

        List<Map<String, Object>> sessions = gatehouse.get("/api/v1/me/sessions", "Cookie", "gatehouse_session=" + second)
                .expect(200).jsonList();

        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0)).containsKeys("id", "created_at", "last_seen_at", "expires_at", "ip", "user_agent")
                .containsEntry("auth_method", "password").containsEntry("current", true).containsEntry("ip", "127.0.0.1");
        assertThat(sessions.get(1)).containsEntry("current", false);

        String firstId = (String) sessions.get(1).get("id");
        gatehouse.request("DELETE", "/api/v1/me/sessions/" + firstId).session(second).send().expect(204);
        gatehouse.request("DELETE", "/api/v1/me/sessions/" + firstId).session(second).send().expect(204); // idempotent

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + first).problem(401, "unauthenticated");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + second).expect(200);
    }

    @Test
    void revokingAnotherUsersSessionIdIsA204ThatChangesNothing() {
        gatehouse.signUp("victim@example.com");
        gatehouse.signUp("attacker@example.com");
        String victim = gatehouse.login("victim@example.com");
        String attacker = gatehouse.login("attacker@example.com");
        String victimSessionId = (String) gatehouse.get("/api/v1/me/sessions", "Cookie", "gatehouse_session=" + victim)
                .expect(200).jsonList().get(0).get("id");

        gatehouse.request("DELETE", "/api/v1/me/sessions/" + victimSessionId).session(attacker).send().expect(204);

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + victim).expect(200);
        assertThat(gatehouse.get("/api/v1/me/sessions", "Cookie", "gatehouse_session=" + attacker).jsonList())
                .extracting(s -> s.get("id")).doesNotContain(victimSessionId);
    }

    @Test
    void deleteMySessionsRevokesTheCurrentOne() {
        gatehouse.signUp("current@example.com");
        String cookie = gatehouse.login("current@example.com");

        gatehouse.request("DELETE", "/api/v1/me/sessions").session(cookie).send().expect(204);

        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).problem(401, "unauthenticated");
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        gatehouse.signUp("leaver@example.com");
        String cookie = gatehouse.login("leaver@example.com");
        String other = gatehouse.login("leaver@example.com");

        var response = gatehouse.request("POST", "/api/v1/auth/logout").session(cookie).send().expect(204);

        assertThat(response.setCookie("gatehouse_session")).contains("Max-Age=0");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).problem(401, "unauthenticated");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + other).expect(200);
    }

    @Test
    void logoutAllEndsEverySessionOfTheUserAndMayRedirect() {
        gatehouse.signUp("everywhere@example.com");
        String cookie = gatehouse.login("everywhere@example.com");
        String other = gatehouse.login("everywhere@example.com");

        var response = gatehouse.request("POST", "/api/v1/auth/logout?all=true&redirect=/bye").session(cookie).send().expect(302);

        assertThat(response.header("Location")).isEqualTo("/bye");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).problem(401, "unauthenticated");
        gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + other).problem(401, "unauthenticated");
    }

    @Test
    void bumpRecordsLastLoginTime() {
        gatehouse.signUp("bumper@example.com");
        String cookie = gatehouse.login("bumper@example.com");
        String before = (String) gatehouse.get("/api/v1/me", "Cookie", "gatehouse_session=" + cookie).json().get("last_login_at");

        var bumped = gatehouse.request("POST", "/api/v1/auth/bump").session(cookie).send().expect(200).json();

        assertThat((String) bumped.get("last_login_time")).isGreaterThan(before);
        gatehouse.request("POST", "/api/v1/auth/bump").send().problem(401, "unauthenticated");
    }
}
