package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.oidc.TestOpenIdProvider;
import io.gatehouse.oidc.TestOpenIdProvider.Signing;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in, sign-up and linking with instance OpenID Connect providers, against the in-test provider: what each
 * answer does with accounts, and every attack of the contract's list refused with its {@code oidc_*} code, no
 * session and no account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class OidcLoginEndToEndTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestOpenIdProvider op = new TestOpenIdProvider();
    private final TestOpenIdProvider other = new TestOpenIdProvider();
    private final TestOpenIdProvider hub = new TestOpenIdProvider();
    private final TestGatehouse gatehouse = TestGatehouse.start(settings());

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(OidcSignIn.provider("test", op));
        settings.putAll(OidcSignIn.provider("other", other));
        // A GitHub-style provider: plain OAuth 2.0, a numeric id, the verified flag only in the list of addresses.
        String prefix = "gatehouse.oidc.providers.hub.";
        settings.putAll(Map.of(prefix + "type", "oauth2", prefix + "client-id", TestOpenIdProvider.CLIENT_ID,
                prefix + "client-secret", TestOpenIdProvider.CLIENT_SECRET, prefix + "authorization-endpoint", hub.issuer() + "/authorize",
                prefix + "token-endpoint", hub.issuer() + "/token", prefix + "userinfo-endpoint", hub.issuer() + "/user",
                prefix + "emails-endpoint", hub.issuer() + "/user/emails", prefix + "scopes", "read:user user:email",
                prefix + "display-name", "Hub"));
        return settings;
    }

    @BeforeEach
    void wellBehaved() {
        op.reset();
        other.reset();
        hub.reset();
    }

    @AfterAll
    void stop() {
        gatehouse.close();
        op.close();
        other.close();
        hub.close();
    }

    @Test
    void theProvidersAreListed() {
        List<Map<String, Object>> providers = gatehouse.get("/api/v1/auth/providers").expect(200).jsonList();

        assertThat(providers).extracting(p -> p.get("name")).containsExactlyInAnyOrder("test", "other", "hub");
        assertThat(providers).anySatisfy(p -> assertThat(p).containsEntry("name", "hub").containsEntry("type", "oauth2"));
        assertThat(providers).anySatisfy(p -> assertThat(p).containsEntry("display_name", "Provider TEST").containsEntry("type", "oidc"));
    }

    @Test
    void theStartSendsACodeRequestWithPkceAndBindsTheFlowToTheBrowser() {
        OidcSignIn browser = new OidcSignIn(gatehouse);

        String url = browser.start("test", "?redirect=/account");

        Map<String, String> query = TestOpenIdProvider.queryOf(url);
        assertThat(url).startsWith(op.issuer() + "/authorize");
        assertThat(query).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost/api/v1/auth/oidc/callback");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query.get("nonce")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(browser.flowCookie()).isNotNull();
        assertThat(gatehouse.get("/api/v1/auth/oidc/nope/login").problem(400, "unknown_provider")).isNotNull();
        assertThat(gatehouse.get("/api/v1/auth/oidc/test/login?redirect=https://evil.example/").problem(400, "invalid_redirect")).isNotNull();
    }

    @Test
    void aNewPersonWithAVerifiedEmailSignsUpAndThenSignsInAgain() {
        String email = unique("new");
        op.signsIn("sub-" + email, email, true);

        TestGatehouse.Response first = new OidcSignIn(gatehouse).signIn("test", "?redirect=/account");

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Location")).isEqualTo("/account");
        String session = first.cookie("gatehouse_session");
        Map<String, Object> me = gatehouse.request("GET", "/api/v1/me").session(session).send().expect(200).json();
        assertThat(me).containsEntry("email", email).containsEntry("email_verified", true).containsEntry("has_password", false);
        assertThat(gatehouse.request("GET", "/api/v1/me/sessions").session(session).send().expect(200).jsonList().get(0))
                .containsEntry("auth_method", "oidc");

        TestGatehouse.Response again = new OidcSignIn(gatehouse).signIn("test", "");
        assertThat(again.expect(200).json().get("user")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) again.json().get("user")).get("id")).isEqualTo(me.get("id"));
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isEqualTo(1);
    }

    /** The key is (provider, sub): the same person keeps their account when the provider reports a new address. */
    @Test
    void aLinkedIdentityIsFoundBySubjectNotByEmail() {
        String email = unique("moves");
        op.signsIn("sub-moves-" + email, email, true);
        Object id = ((Map<?, ?>) new OidcSignIn(gatehouse).signIn("test", "").expect(200).json().get("user")).get("id");

        op.signsIn("sub-moves-" + email, unique("renamed"), true);
        Object again = ((Map<?, ?>) new OidcSignIn(gatehouse).signIn("test", "").expect(200).json().get("user")).get("id");

        assertThat(again).isEqualTo(id);
    }

    @Test
    void anExistingVerifiedAccountIsLinkedOnlyAfterItsPassword() {
        String email = unique("existing");
        gatehouse.signUpVerified(email);
        op.signsIn("sub-" + email, email, true);

        Map<String, Object> problem = new OidcSignIn(gatehouse).signIn("test", "").problem(409, "sso_link_confirmation_required");
        assertThat(linked(email)).isEmpty();

        TestGatehouse.Response enabled = gatehouse.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\"" + problem.get("confirmation_code")
                + "\",\"password\":\"" + PASSWORD + "\"}").expect(200);
        assertThat(gatehouse.request("GET", "/api/v1/me/sessions").session(enabled.cookie("gatehouse_session")).send().jsonList().get(0))
                .containsEntry("auth_method", "oidc");
        assertThat(linked(email)).containsExactly("test");
        assertThat(new OidcSignIn(gatehouse).signIn("test", "").status()).as("now a plain sign-in").isEqualTo(200);
    }

    /** A browser sign-in confirms on the hosted page; the code never appears in a URL. */
    @Test
    void aBrowserSignInNeedingConfirmationGoesToTheLinkAccountPage() {
        String email = unique("browser");
        gatehouse.signUpVerified(email);
        op.signsIn("sub-" + email, email, true);

        TestGatehouse.Response answer = new OidcSignIn(gatehouse).signIn("test", "?redirect=/account");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/link-account?continue=%2Faccount");
        assertThat(answer.setCookie("gatehouse_link")).containsIgnoringCase("HttpOnly");
        assertThat(answer.cookie("gatehouse_session")).isNull();
    }

    /** The account pre-hijacking defence: a squatter's unverified account goes to the mailbox's owner, without its password. */
    @Test
    void anUnverifiedAccountIsReclaimedByTheVerifiedOwner() {
        String email = unique("squatted");
        gatehouse.signUp(email);
        String squatterSession = gatehouse.login(email);
        op.signsIn("sub-" + email, email, true);

        String ownerSession = new OidcSignIn(gatehouse).signIn("test", "").expect(200).cookie("gatehouse_session");

        assertThat(gatehouse.request("GET", "/api/v1/me").session(squatterSession).send().status()).isEqualTo(401);
        assertThat(gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(401);
        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(ownerSession).send().expect(200).jsonList())
                .extracting(link -> link.get("provider_name")).containsExactly("test");
    }

    @Test
    void aSignedInPersonLinksAndUnlinksAProvider() {
        String email = unique("linker");
        gatehouse.signUpVerified(email);
        String session = gatehouse.login(email);
        op.signsIn("sub-work-" + email, unique("work"), false);

        TestGatehouse.Response started = gatehouse.request("POST", "/api/v1/me/external-accounts/link?redirect=/account").session(session)
                .json("{\"provider_name\":\"test\"}").send().expect(302);
        String flow = started.cookie("gatehouse_oidc");
        TestGatehouse.Response done = new OidcSignIn(gatehouse).callback(OidcSignIn.authorize(started.header("Location")), flow);

        assertThat(done.status()).isEqualTo(302);
        assertThat(linked(email)).as("a link needs no verified email: the person is signed in already").containsExactly("test");
        assertThat(gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(session).json("{\"provider_name\":\"test\"}")
                .send().problem(409, "already_linked")).isNotNull();
        gatehouse.request("POST", "/api/v1/me/external-accounts/unlink").session(session).json("{\"provider_name\":\"test\"}").send().expect(204);
        assertThat(linked(email)).isEmpty();
    }

    /** Plain OAuth 2.0: the id is the key, the email is the primary address and counts only because it is verified. */
    @Test
    void aGithubStyleProviderSignsUpWithItsVerifiedPrimaryAddress() {
        String email = unique("hub");
        hub.signsIn("octo-" + email, email, true);

        String url = new OidcSignIn(gatehouse).start("hub", "");
        assertThat(TestOpenIdProvider.queryOf(url)).containsEntry("scope", "read:user user:email").containsEntry("code_challenge_method", "S256")
                .doesNotContainKey("nonce");
        TestGatehouse.Response answer = new OidcSignIn(gatehouse).signIn("hub", "").expect(200);

        assertThat(((Map<?, ?>) answer.json().get("user")).get("email")).isEqualTo(email);
        List<Map<String, Object>> links = gatehouse.request("GET", "/api/v1/me/external-accounts").session(answer.cookie("gatehouse_session"))
                .send().expect(200).jsonList();
        assertThat(links).singleElement().satisfies(link -> assertThat(link).containsEntry("provider_name", "hub")
                .containsEntry("external_id", Long.toString(TestOpenIdProvider.githubId(hub.person()))));
    }

    @Test
    void aGithubStyleProviderWithAnUnverifiedPrimaryAddressCreatesNothing() {
        String email = unique("hub-unverified");
        hub.signsIn("octo-" + email, email, false);

        refused(new OidcSignIn(gatehouse).signIn("hub", ""), "oidc_email_not_verified");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", "secondary-" + email)).isZero();
    }

    /** Whatever a provider sends is bounded before it is kept: an oversized name is clipped, an oversized subject refused. */
    @Test
    void oversizedClaimsAreClippedOrRefusedNeverStored() {
        String email = unique("long");
        op.signsIn("sub-" + email, email, true).bend(claims -> claims.claim("name", "N".repeat(10_000)));

        Map<String, Object> user = (Map<String, Object>) new OidcSignIn(gatehouse).signIn("test", "").expect(200).json().get("user");
        assertThat((String) user.get("full_name")).hasSize(200);

        String other = unique("long-sub");
        op.signsIn("s".repeat(300), other, true).bend(claims -> claims);
        refused(new OidcSignIn(gatehouse).signIn("test", ""), "oidc_id_token_invalid");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", other)).isZero();
    }

    // --- the attacks: each refused with its code, no session, no account ---

    @Test
    void anUnverifiedEmailNeitherCreatesNorFindsAnAccount() {
        String email = unique("unverified");
        gatehouse.signUpVerified(email);
        op.signsIn("sub-attacker-" + email, email, false);

        refused(new OidcSignIn(gatehouse).signIn("test", ""), "oidc_email_not_verified");

        String fresh = unique("fresh");
        op.signsIn("sub-" + fresh, fresh, false);
        refused(new OidcSignIn(gatehouse).signIn("test", ""), "oidc_email_not_verified");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", fresh)).isZero();
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        op.bend(claims -> claims.issuer("https://evil.example"));
        refusedSignUp("oidc_issuer_mismatch");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        op.bend(claims -> claims.audience("someone-else"));
        refusedSignUp("oidc_audience_mismatch");
    }

    @Test
    void anIdTokenSignedByAnotherKeyIsRefused() {
        op.signing(Signing.OTHER_KEY);
        refusedSignUp("oidc_id_token_invalid");
    }

    @Test
    void anUnsignedIdTokenIsRefused() {
        op.signing(Signing.NONE);
        refusedSignUp("oidc_id_token_invalid");
    }

    /** HMAC's key would be the client secret, which the provider and Gatehouse share: never accepted. */
    @Test
    void anIdTokenSignedWithTheClientSecretIsRefused() {
        op.signing(Signing.HMAC_WITH_CLIENT_SECRET);
        refusedSignUp("oidc_id_token_invalid");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        op.bend(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600))).issueTime(Date.from(Instant.now().minusSeconds(900))));
        refusedSignUp("oidc_token_expired");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        op.bend(claims -> claims.claim("nonce", "a-nonce-from-another-sign-in"));
        refusedSignUp("oidc_nonce_mismatch");
        assertThat(gatehouse.get("/metrics").expect(200).body()).as("counted by its code")
                .containsPattern("gatehouse_logins_total\\{[^}]*method=\"oidc\"[^}]*outcome=\"oidc_nonce_mismatch\"[^}]*} 1\\.0");
    }

    /** Two sign-ins started in one browser (two tabs) share its cookie's secret: the second does not undo the first. */
    @Test
    void twoSignInsStartedInOneBrowserBothStayValid() {
        String email = unique("tabs");
        op.signsIn("sub-" + email, email, true);
        OidcSignIn browser = new OidcSignIn(gatehouse);
        String first = OidcSignIn.authorize(browser.start("test", ""));
        String second = OidcSignIn.authorize(browser.start("test", ""));

        browser.callback(first).expect(200);
        browser.callback(second).expect(200);
    }

    /** A provider configured with a setting missing stops start-up, rather than leaving a button that fails. */
    @Test
    void anIncompleteProviderStopsStartUp() {
        assertThatThrownBy(() -> TestGatehouse.start(Map.of("gatehouse.oidc.providers.broken.issuer", op.issuer(),
                "gatehouse.oidc.providers.broken.client-id", "id"))).hasStackTraceContaining("client-secret are required");
    }

    @Test
    void aStateIsSpentByItsFirstUse() {
        String email = unique("replay");
        op.signsIn("sub-" + email, email, true);
        OidcSignIn browser = new OidcSignIn(gatehouse);
        String callback = OidcSignIn.authorize(browser.start("test", ""));
        browser.callback(callback).expect(200);

        refused(browser.callback(callback), "oidc_state_invalid");
    }

    /** Login CSRF: an attacker's own callback, fed to the victim's browser, does nothing there. */
    @Test
    void aStateFromAnotherBrowserIsRefused() {
        String email = unique("csrf");
        op.signsIn("sub-" + email, email, true);
        OidcSignIn attacker = new OidcSignIn(gatehouse);
        String callback = OidcSignIn.authorize(attacker.start("test", ""));
        OidcSignIn victim = new OidcSignIn(gatehouse);
        victim.start("test", "");

        refused(victim.callback(callback), "oidc_state_invalid");
        refused(attacker.callback(callback, null), "oidc_state_invalid");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
    }

    @Test
    void aCodeCannotBeRedeemedTwice() {
        String email = unique("code");
        op.signsIn("sub-" + email, email, true);
        OidcSignIn browser = new OidcSignIn(gatehouse);
        String first = OidcSignIn.authorize(browser.start("test", ""));
        String code = TestOpenIdProvider.queryOf("http://x" + first).get("code");
        browser.callback(first).expect(200);

        // The stolen code with a fresh state of the same browser: the provider refuses the second redemption.
        String second = OidcSignIn.authorize(browser.start("test", ""));
        String state = TestOpenIdProvider.queryOf("http://x" + second).get("state");
        refused(browser.callback("/api/v1/auth/oidc/callback?code=" + code + "&state=" + state), "oidc_code_refused");
    }

    /**
     * Mix-up (RFC 9700 4.4): the callback knows which provider it waits for from the state, never from the answer; a
     * code of another provider goes to the right one, which refuses it, and an answer naming another issuer is refused.
     */
    @Test
    void anAnswerFromAnotherProviderIsRefused() {
        String email = unique("mixup");
        op.signsIn("sub-" + email, email, true);
        other.signsIn("sub-" + email, email, true);
        OidcSignIn browser = new OidcSignIn(gatehouse);
        Map<String, String> fromOther = TestOpenIdProvider.queryOf("http://x" + OidcSignIn.authorize(browser.start("other", "")));
        String state = TestOpenIdProvider.queryOf(browser.start("test", "")).get("state");

        refused(browser.callback("/api/v1/auth/oidc/callback?code=" + fromOther.get("code") + "&state=" + state), "oidc_code_refused");

        String stateAgain = TestOpenIdProvider.queryOf(browser.start("test", "")).get("state");
        refused(browser.callback("/api/v1/auth/oidc/callback?code=x&state=" + stateAgain + "&iss=" + other.issuer()), "oidc_issuer_mismatch");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
    }

    @Test
    void anIdentityLinkedToSomeoneElseCannotBeLinkedAgain() {
        String owner = unique("owner");
        op.signsIn("sub-shared-" + owner, owner, true);
        new OidcSignIn(gatehouse).signIn("test", "").expect(200);
        String intruder = unique("intruder");
        gatehouse.signUpVerified(intruder);
        String session = gatehouse.login(intruder);

        TestGatehouse.Response started = gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(session)
                .json("{\"provider_name\":\"test\"}").send().expect(302);
        TestGatehouse.Response done = new OidcSignIn(gatehouse).callback(OidcSignIn.authorize(started.header("Location")),
                started.cookie("gatehouse_oidc"));

        refused(done, "oidc_identity_linked_elsewhere");
        assertThat(linked(intruder)).isEmpty();
    }

    @Test
    void theProvidersRefusalIsReported() {
        OidcSignIn browser = new OidcSignIn(gatehouse);
        String state = TestOpenIdProvider.queryOf(browser.start("test", "")).get("state");

        refused(browser.callback("/api/v1/auth/oidc/callback?error=access_denied&state=" + state), "oidc_provider_error");
    }

    private void refusedSignUp(String code) {
        String email = unique("attack");
        op.signsIn("sub-" + email, email, true);

        refused(new OidcSignIn(gatehouse).signIn("test", ""), code);

        assertThat(gatehouse.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).as("no account").isZero();
    }

    private static void refused(TestGatehouse.Response answer, String code) {
        answer.problem(401, code);
        assertThat(answer.cookie("gatehouse_session")).as("no session").isNull();
    }

    private List<Object> linked(String email) {
        return gatehouse.request("GET", "/api/v1/me/external-accounts").session(gatehouse.login(email)).send().expect(200).jsonList().stream()
                .map(link -> link.get("provider_name")).toList();
    }

    private static String unique(String who) {
        return who + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid() + "@oidc.example";
    }
}
