package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Claims on mailboxes are proved before they count: email verification, password reset without
 * account enumeration, and the pre-hijacking sequence (a squatter's unverified account is taken by the
 * mailbox's owner arriving through the IdP of a verified domain).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifiedClaimsEndToEndTest {

    private static final String NEW_PASSWORD = "an entirely new passphrase";
    private static final TestIdentityProvider IDP = new TestIdentityProvider("Verified IdP");
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "gatehouse.account-mail.max-resets-per-email", 3));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void signUpMailsAVerificationLinkThatWorksOnce() {
        var created = gatehouse.signUp("vera@verify.test").json();
        assertThat(map(created.get("user"))).containsEntry("email_verified", false);
        String cookie = gatehouse.login("vera@verify.test");
        assertThat(me(cookie)).containsEntry("email_verified", false);
        String token = gatehouse.awaitLinkToken("vera@verify.test", "http://localhost/verify-email?token=");

        var verified = gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").expect(200).json();
        assertThat(map(verified.get("user"))).containsEntry("email_verified", true).containsEntry("email", "vera@verify.test");
        gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").problem(400, "invalid_token");
        gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"never-issued\"}").problem(400, "invalid_token");
        assertThat(me(cookie)).containsEntry("email_verified", true);
        gatehouse.request("POST", "/api/v1/me/verify-email").session(cookie).send().problem(409, "already_verified");
    }

    @Test
    void aResentLinkReplacesThePreviousOne() {
        gatehouse.signUp("rex@verify.test");
        String first = gatehouse.awaitLinkToken("rex@verify.test", "/verify-email?token=");
        String cookie = gatehouse.login("rex@verify.test");

        gatehouse.request("POST", "/api/v1/me/verify-email").session(cookie).send().expect(202);
        String second = awaitAnotherToken("rex@verify.test", "/verify-email?token=", first);

        gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + first + "\"}").problem(400, "invalid_token");
        gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + second + "\"}").expect(200);
    }

    @Test
    void aResetRequestLooksTheSameForEveryAddressAndOnlyAnAccountsMailboxGetsALink() throws Exception {
        gatehouse.signUp("rita@reset.test");
        String oldSession = gatehouse.login("rita@reset.test");

        var known = gatehouse.postJson("/api/v1/auth/password-reset", "{\"email\":\"rita@reset.test\"}").expect(202);
        var unknown = gatehouse.postJson("/api/v1/auth/password-reset", "{\"email\":\"nobody@reset.test\"}").expect(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        gatehouse.postJson("/api/v1/auth/password-reset", "{\"email\":\"not an address\"}").problem(400, "invalid_email");
        String token = gatehouse.awaitLinkToken("rita@reset.test", "http://localhost/reset-password?token=");
        Thread.sleep(300);
        assertThat(gatehouse.mailsTo("nobody@reset.test")).isEmpty();

        String confirm = "/api/v1/auth/password-reset/confirm";
        gatehouse.postJson(confirm, "{\"token\":\"" + token + "\",\"new_password\":\"short\"}").problem(400, "weak_password");
        gatehouse.postJson(confirm, "{\"token\":\"" + token + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}").expect(204);
        gatehouse.postJson(confirm, "{\"token\":\"" + token + "\",\"new_password\":\"" + NEW_PASSWORD + "!\"}").problem(400, "invalid_token");

        gatehouse.request("GET", "/api/v1/me").session(oldSession).send().problem(401, "unauthenticated");
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"rita@reset.test\",\"password\":\"" + PASSWORD + "\"}")
                .problem(401, "invalid_credentials");
        assertThat(me(gatehouse.login("rita@reset.test", NEW_PASSWORD))).containsEntry("email_verified", true);
    }

    @Test
    void resetRequestsForOneAddressAreThrottled() {
        for (int i = 0; i < 3; i++) {
            gatehouse.postJson("/api/v1/auth/password-reset", "{\"email\":\"flood@reset.test\"}").expect(202);
        }
        var throttled = gatehouse.postJson("/api/v1/auth/password-reset", "{\"email\":\"FLOOD@reset.test\"}");
        throttled.problem(429, "too_many_attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    }

    @Test
    void aSquattersUnverifiedAccountIsTakenByTheMailboxOwnerAndTheSquatterIsOut() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String ceo = "ceo@" + sso.domain;
        gatehouse.signUp(ceo);
        String squatterSession = gatehouse.login(ceo);
        String squatterToken = (String) gatehouse.request("POST", "/api/v1/me/api-tokens").session(squatterSession)
                .json("{\"note\":\"squat\"}").send().expect(201).json().get("access_token");
        gatehouse.request("GET", "/api/v1/me").headers("Authorization", "Bearer " + squatterToken).send().expect(200);

        var arrival = sso.login(ceo).expect(200);
        String ownerSession = arrival.cookie("gatehouse_session");

        gatehouse.request("GET", "/api/v1/me").session(squatterSession).send().problem(401, "unauthenticated");
        gatehouse.request("GET", "/api/v1/me").headers("Authorization", "Bearer " + squatterToken).send().problem(401, "unauthenticated");
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"" + ceo + "\",\"password\":\"" + PASSWORD + "\"}")
                .problem(401, "invalid_credentials");
        assertThat(me(ownerSession)).containsEntry("email", ceo).containsEntry("email_verified", true).containsEntry("has_password", false);
        assertThat(sso.events()).anySatisfy(e -> assertThat((String) e.get("detail")).contains("had never verified its email"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private Map<String, Object> me(String cookie) {
        return gatehouse.request("GET", "/api/v1/me").session(cookie).send().expect(200).json();
    }

    private String awaitAnotherToken(String address, String marker, String previous) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            String latest = gatehouse.awaitLinkToken(address, marker);
            if (!latest.equals(previous)) {
                return latest;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no second message reached " + address);
    }
}
