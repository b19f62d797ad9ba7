package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An IdP can never silently take over an existing account: linking needs the account's password, or
 * a logged-in user who asked for it. Also enforce_sso, and unlinking without locking oneself out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoAccountLinkingEndToEndTest {

    private static final TestIdentityProvider IDP = new TestIdentityProvider("Linking IdP");
    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void anExistingAccountIsLinkedOnlyAfterItsPasswordConfirmsIt() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "ivy@" + sso.domain;
        gatehouse.signUpVerified(email);

        var conflict = sso.login(email);
        var problem = conflict.problem(409, "sso_link_confirmation_required");
        assertThat(conflict.setCookie("gatehouse_session")).isNull();
        String code = (String) problem.get("confirmation_code");
        assertThat(code).isNotBlank();
        assertThat(problem.get("expires_at")).isNotNull();
        assertThat(sso.lastEvent()).containsEntry("outcome", "confirmation_required").containsEntry("code", "sso_link_confirmation_required");

        gatehouse.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\"" + code + "\",\"password\":\"wrong password!!\"}")
                .problem(401, "invalid_credentials");
        var enabled = gatehouse.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\"" + code + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(200);
        assertThat(enabled.json().get("user")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("email", email);
        String cookie = enabled.cookie("gatehouse_session");
        assertThat(cookie).isNotBlank();
        gatehouse.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\"" + code + "\",\"password\":\"" + PASSWORD + "\"}")
                .problem(401, "invalid_token");

        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(cookie).send().expect(200).jsonList())
                .singleElement().satisfies(link -> assertThat(link).containsEntry("provider_name", "saml:" + sso.id));
        var next = sso.login(email).expect(200);
        assertThat(next.cookie("gatehouse_session")).as("linked: the next SSO login goes straight in").isNotBlank();
    }

    @Test
    void httpBasicMayConfirmTooButOnlyForTheAccountOfTheCode() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "jack@" + sso.domain;
        gatehouse.signUpVerified(email);
        String other = "jill@" + sso.domain;
        gatehouse.signUpVerified(other);
        String code = (String) sso.login(email).problem(409, "sso_link_confirmation_required").get("confirmation_code");

        gatehouse.request("POST", "/api/v1/me/enable_sso").basic(other, PASSWORD).json("{\"confirmation_code\":\"" + code + "\"}")
                .send().problem(401, "invalid_credentials");
        gatehouse.request("POST", "/api/v1/me/enable_sso").basic(email, PASSWORD).json("{\"confirmation_code\":\"" + code + "\"}")
                .send().expect(200);
    }

    @Test
    void anExpiredConfirmationCodeIsGone() {
        try (TestGatehouse hurried = TestGatehouse.start(Map.of("gatehouse.saml.confirmation-lifetime", "1ms"))) {
            SsoWorkspace sso = SsoWorkspace.create(hurried, IDP, Map.of());
            String email = "kim@" + sso.domain;
            hurried.signUpVerified(email);
            String code = (String) sso.login(email).problem(409, "sso_link_confirmation_required").get("confirmation_code");

            hurried.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\"" + code + "\",\"password\":\"" + PASSWORD + "\"}")
                    .problem(410, "confirmation_expired");
        }
    }

    @Test
    void enforceSsoRefusesPasswordsToMembersButOwnersKeepABreakGlass() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String member = "lena@" + sso.domain;
        gatehouse.signUpVerified(member);
        gatehouse.addMember(sso.id, sso.ownerCookie, member, "admin");
        gatehouse.login(member);
        sso.patch(Map.of("enforce_sso", true)).expect(200);

        String login = "{\"email\":\"" + member + "\",\"password\":\"" + PASSWORD + "\"}";
        gatehouse.postJson("/api/v1/auth/login", login).problem(403, "sso_required");
        gatehouse.postJson("/api/v1/auth/jwt", "{\"username\":\"" + member + "\",\"password\":\"" + PASSWORD + "\"}")
                .problem(403, "sso_required");
        gatehouse.request("POST", "/api/v1/me/api-tokens").basic(member, PASSWORD).json("{\"note\":\"cron\"}").send()
                .problem(403, "sso_required");
        gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"" + member + "\",\"password\":\"wrong password!!\"}")
                .problem(401, "invalid_credentials");

        assertThat(gatehouse.login(sso.ownerEmail)).as("the owner's break-glass").isNotBlank();
        String outside = "outside-" + sso.domain + "@example.org";
        gatehouse.signUp(outside);
        assertThat(gatehouse.login(outside)).as("other domains are not affected").isNotBlank();

        sso.patch(Map.of("enforce_sso", false)).expect(200);
        assertThat(gatehouse.login(member)).isNotBlank();
    }

    @Test
    void aLoggedInUserLinksAndUnlinksAnIdpIdentity() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "max@" + sso.domain;
        gatehouse.signUp(email);
        String cookie = gatehouse.login(email);
        String provider = "{\"provider_name\":\"saml:" + sso.id + "\"}";

        var toIdp = gatehouse.request("POST", "/api/v1/me/external-accounts/link?redirect=%2Fsettings").session(cookie).json(provider)
                .send().expect(302);
        TestIdentityProvider.ReceivedRequest request = TestIdentityProvider.receive(toIdp.header("Location"));
        assertThat(request.signatureVerifiesWith(sso.spSigningCertificate())).isTrue();
        var back = sso.post(sso.idp.login("max-at-idp").to(sso.acsUrl(), sso.spEntityId()).inResponseTo(request.id())
                .attribute("email", email).encoded(), request.relayState()).expect(302);
        assertThat(back.header("Location")).isEqualTo("/settings");

        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(cookie).send().expect(200).jsonList())
                .singleElement().satisfies(link -> assertThat(link).containsEntry("provider_name", "saml:" + sso.id)
                        .containsEntry("external_id", "max-at-idp").containsEntry("email", email));
        gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(cookie).json(provider).send()
                .problem(409, "already_linked");
        gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(cookie)
                .json("{\"provider_name\":\"saml:00000000-0000-0000-0000-000000000000\"}").send().problem(400, "unknown_provider");
        gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(cookie).json("{\"provider_name\":\"github\"}").send()
                .problem(400, "unknown_provider");

        gatehouse.request("POST", "/api/v1/me/external-accounts/unlink").session(cookie).json(provider).send().expect(204);
        gatehouse.request("POST", "/api/v1/me/external-accounts/unlink").session(cookie).json(provider).send().problem(400, "not_linked");
        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(cookie).send().expect(200).jsonList()).isEmpty();
    }

    @Test
    void anIdentityLinkedToSomeoneElseCannotBeLinkedAgain() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String first = "nina@" + sso.domain;
        sso.login(first).expect(200);
        String second = "oscar@" + sso.domain;
        gatehouse.signUp(second);
        String cookie = gatehouse.login(second);

        var toIdp = gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(cookie)
                .json("{\"provider_name\":\"saml:" + sso.id + "\"}").send().expect(302);
        TestIdentityProvider.ReceivedRequest request = TestIdentityProvider.receive(toIdp.header("Location"));

        sso.post(sso.answer(request, first).encoded(), request.relayState()).problem(401, "saml_identity_linked_elsewhere");
        assertThat(sso.lastEvent()).containsEntry("code", "saml_identity_linked_elsewhere");
    }

    @Test
    void theLastWayToLogInCannotBeUnlinked() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String cookie = sso.login("pia@" + sso.domain).expect(200).cookie("gatehouse_session");

        gatehouse.request("POST", "/api/v1/me/external-accounts/unlink").session(cookie)
                .json("{\"provider_name\":\"saml:" + sso.id + "\"}").send().problem(409, "last_login_method");
        gatehouse.request("POST", "/api/v1/me/external-accounts/unlink").send().problem(401, "unauthenticated");
    }

    @Test
    void twoUnlinksAtOnceNeverRemoveTheLastWayIn() throws Exception {
        SsoWorkspace first = SsoWorkspace.create(gatehouse, IDP, Map.of());
        SsoWorkspace second = SsoWorkspace.create(gatehouse, IDP, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String cookie = first.login("quinn" + round + "@" + first.domain).expect(200).cookie("gatehouse_session");
                var toIdp = gatehouse.request("POST", "/api/v1/me/external-accounts/link").session(cookie)
                        .json("{\"provider_name\":\"saml:" + second.id + "\"}").send().expect(302);
                TestIdentityProvider.ReceivedRequest request = TestIdentityProvider.receive(toIdp.header("Location"));
                second.post(second.idp.login("quinn-" + round).to(second.acsUrl(), second.spEntityId()).inResponseTo(request.id())
                        .attribute("email", "quinn" + round + "@" + second.domain).encoded(), request.relayState()).expect(200);

                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> unlinks = new ArrayList<>();
                for (String provider : List.of("saml:" + first.id, "saml:" + second.id)) {
                    unlinks.add(pool.submit(() -> {
                        go.await();
                        return gatehouse.request("POST", "/api/v1/me/external-accounts/unlink").session(cookie)
                                .json("{\"provider_name\":\"" + provider + "\"}").send().status();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> unlink : unlinks) {
                    statuses.add(unlink.get(30, TimeUnit.SECONDS));
                }

                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
                assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(cookie).send().expect(200).jsonList()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherIdpCannotClaimAnAccountOutsideItsDomains() {
        SsoWorkspace evil = SsoWorkspace.create(gatehouse, IDP, Map.of("allow_idp_initiated", true));
        String victim = "victim-" + evil.domain + "@example.org";
        gatehouse.signUp(victim);

        evil.post(evil.unsolicited(victim).encoded(), null).problem(401, "saml_email_domain_not_allowed");
        assertThat(evil.lastEvent()).containsEntry("email", victim);
    }
}
