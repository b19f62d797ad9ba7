package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** SAML login through real HTTP against the test IdP: SP- and IdP-initiated, signatures, encryption, JIT, redirects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class SamlLoginEndToEndTest {

    private static final TestIdentityProvider IDP = new TestIdentityProvider("Gatehouse test IdP");
    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void spInitiatedLoginSendsASignedAuthnRequestAndProvisionsTheUserJustInTime() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "alice@" + sso.domain;

        TestIdentityProvider.ReceivedRequest request = sso.start(email, "&client=web&state=xyz");
        assertThat(request.request().getAssertionConsumerServiceURL()).isEqualTo(sso.acsUrl());
        assertThat(request.request().getDestination()).isEqualTo(TestIdentityProvider.SSO_URL);
        assertThat(request.request().getIssuer().getValue()).isEqualTo(sso.spEntityId());
        assertThat(request.signatureVerifiesWith(sso.spSigningCertificate())).as("signed with the workspace SP key").isTrue();
        assertThat(request.signatureVerifiesWith(sso.spEncryptionCertificate())).as("not with another key").isFalse();
        assertThat(request.relayState().getBytes()).hasSizeLessThanOrEqualTo(80);

        var response = sso.post(sso.answer(request, email).attribute("firstName", "Alice").attribute("lastName", "Liddell").encoded(),
                request.relayState());

        var body = response.expect(200).json();
        assertThat(body).containsEntry("state", "xyz").containsEntry("client", "web");
        assertThat((Map<String, Object>) body.get("user")).containsEntry("email", email).containsEntry("full_name", "Alice Liddell")
                .containsEntry("has_password", false);
        String cookie = response.cookie("gatehouse_session");
        assertThat(cookie).isNotBlank();
        assertThat(gatehouse.request("GET", "/api/v1/me/sessions").session(cookie).send().expect(200).jsonList())
                .singleElement().satisfies(session -> assertThat(session).containsEntry("auth_method", "saml"));
        assertThat(gatehouse.request("GET", "/api/v1/workspaces").session(cookie).send().expect(200).jsonList())
                .singleElement().satisfies(workspace -> assertThat(workspace).containsEntry("id", sso.id).containsEntry("role", "member"));
        assertThat(gatehouse.request("GET", "/api/v1/me/external-accounts").session(cookie).send().expect(200).jsonList())
                .singleElement().satisfies(link -> assertThat(link).containsEntry("provider_name", "saml:" + sso.id)
                        .containsEntry("external_id", email));
        assertThat(sso.lastEvent()).containsEntry("outcome", "success").containsEntry("code", "ok").containsEntry("email", email);
    }

    @Test
    void unsignedRequestsWhenTheWorkspaceDoesNotSignThem() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of("sign_authn_requests", false));

        TestIdentityProvider.ReceivedRequest request = sso.start("bob@" + sso.domain, "");

        assertThat(request.signature()).isNull();
        assertThat(request.sigAlg()).isNull();
    }

    @Test
    void browsersAreRedirectedToTheIdpAndBackToTheValidatedTarget() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "carol@" + sso.domain;
        var toIdp = gatehouse.get("/api/v1/auth/saml2/login?email=" + SsoWorkspace.encode(email) + "&redirect=%2Fdashboard",
                "Accept", "text/html").expect(302);
        String location = toIdp.header("Location");
        assertThat(location).startsWith(TestIdentityProvider.SSO_URL + "?SAMLRequest=").doesNotContain("dashboard");
        TestIdentityProvider.ReceivedRequest request = TestIdentityProvider.receive(location);

        var back = sso.post(sso.answer(request, email).encoded(), request.relayState()).expect(302);

        assertThat(back.header("Location")).isEqualTo("/dashboard");
        assertThat(back.cookie("gatehouse_session")).isNotBlank();
        gatehouse.get("/api/v1/auth/saml2/login?email=x@" + sso.domain + "&redirect=https%3A%2F%2Fevil.example%2F")
                .problem(400, "invalid_redirect");
    }

    @ParameterizedTest(name = "response signed {0}, assertion signed {1}")
    @CsvSource({"true,false", "false,true", "true,true"})
    void acceptsASignatureOnTheResponseTheAssertionOrBoth(boolean response, boolean assertion) {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "sig-" + response + assertion + "@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");

        sso.post(sso.answer(request, email).signed(response, assertion).encoded(), request.relayState()).expect(200);
    }

    @ParameterizedTest
    @CsvSource({EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256})
    void decryptsEncryptedAssertionsAndThenRequiresThem(String contentAlgorithm) {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of("want_assertions_encrypted", true));
        String email = "enc@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");

        sso.post(sso.answer(request, email).signed(false, true).encryptedFor(sso.spEncryptionCertificate(), contentAlgorithm).encoded(),
                request.relayState()).expect(200);

        TestIdentityProvider.ReceivedRequest plain = sso.start(email, "");
        assertThat(sso.post(sso.answer(plain, email).encoded(), plain.relayState()).problem(401, "saml_encryption_required")
                .get("detail")).asString().doesNotContain("want_assertions_encrypted");
        assertThat(sso.lastEvent()).containsEntry("code", "saml_encryption_required");
    }

    @Test
    void sha1IsAcceptedOnlyWhenTheWorkspaceExplicitlyAllowsLegacyAlgorithms() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "legacy@" + sso.domain;
        TestIdentityProvider.ReceivedRequest refused = sso.start(email, "");
        sso.post(sso.answer(refused, email).algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1)
                .encoded(), refused.relayState()).problem(401, "saml_algorithm_not_allowed");

        sso.patch(Map.of("allow_legacy_algorithms", true)).expect(200);
        TestIdentityProvider.ReceivedRequest accepted = sso.start(email, "");
        sso.post(sso.answer(accepted, email).algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1)
                .encoded(), accepted.relayState()).expect(200);
        TestIdentityProvider.ReceivedRequest md5 = sso.start(email, "");
        sso.post(sso.answer(md5, email).algorithms(SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5,
                SignatureConstants.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5).encoded(), md5.relayState()).expect(401);
        // MD5 never gets as far as the algorithm check: xmlsec's secure validation refuses it while parsing.
        assertThat(sso.lastEvent()).containsEntry("outcome", "failure");
    }

    @Test
    void idpInitiatedLoginWorksOnlyWhenAllowed() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of("allow_idp_initiated", true));
        String email = "dave@" + sso.domain;

        var body = sso.post(sso.unsolicited(email).encoded(), null).expect(200).json();
        assertThat(body).containsEntry("state", null);

        sso.patch(Map.of("allow_idp_initiated", false)).expect(200);
        sso.post(sso.unsolicited(email).encoded(), null).problem(401, "saml_unsolicited_not_allowed");
    }

    @Test
    void theNameFromTheIdpUpdatesTheProfileOnEveryLogin() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of("attribute_mapping",
                Map.of("email", "mail", "first_name", "given", "last_name", "family")));
        String email = "erin@" + sso.domain;
        TestIdentityProvider.ReceivedRequest first = sso.start(email, "");
        sso.post(sso.idp.login("erin-idp-id").to(sso.acsUrl(), sso.spEntityId()).inResponseTo(first.id())
                .attribute("mail", email).attribute("given", "Erin").attribute("family", "Old").encoded(), first.relayState()).expect(200);

        TestIdentityProvider.ReceivedRequest second = sso.start(email, "");
        var user = (Map<String, Object>) sso.post(sso.idp.login("erin-idp-id").to(sso.acsUrl(), sso.spEntityId()).inResponseTo(second.id())
                // Entra ID's claim URIs are understood without any mapping.
                .attribute("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", email)
                .attribute("given", "Erin").attribute("family", "New").encoded(), second.relayState()).expect(200).json().get("user");

        assertThat(user).containsEntry("full_name", "Erin New").containsEntry("email", email);
    }

    @Test
    void withoutJitAnUnknownEmailIsRefused() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of("jit_provisioning", false));

        sso.login("frank@" + sso.domain).problem(401, "saml_user_not_provisioned");
        assertThat(sso.lastEvent()).containsEntry("outcome", "failure");
    }

    @Test
    void disabledOrUnknownSsoIsNotConfigured() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        TestIdentityProvider.ReceivedRequest request = sso.start("gina@" + sso.domain, "");
        sso.patch(Map.of("enabled", false)).expect(200);

        gatehouse.get("/api/v1/auth/saml2/login?email=gina@" + sso.domain).problem(404, "sso_not_configured");
        sso.post(sso.answer(request, "gina@" + sso.domain).encoded(), request.relayState()).problem(404, "sso_not_configured");
        gatehouse.get("/api/v1/auth/saml2/login?email=someone@unclaimed.example.org").problem(404, "sso_not_configured");
        gatehouse.get("/api/v1/auth/saml2/login?email=not-an-email").problem(400, "invalid_email");
        gatehouse.request("POST", "/api/v1/auth/saml2/login/not-a-uuid").body("application/x-www-form-urlencoded", "SAMLResponse=x")
                .send().problem(404, "sso_not_configured");
    }

    @Test
    void ssoEventsAreForWorkspaceAdminsOnly() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String memberCookie = sso.login("hank@" + sso.domain).expect(200).cookie("gatehouse_session");
        String outsiderEmail = "outsider-" + sso.domain + "@example.org";
        gatehouse.signUp(outsiderEmail);
        String outsider = gatehouse.login(outsiderEmail);

        gatehouse.request("GET", "/api/v1/workspaces/" + sso.id + "/sso/events").session(memberCookie).send().problem(403, "forbidden");
        gatehouse.request("GET", "/api/v1/workspaces/" + sso.id + "/sso/events").session(outsider).send().problem(404, "not_found");
        assertThat(sso.events()).isNotEmpty();
    }

    @Test
    void theAcsRejectsAnOversizedBodyBeforeParsingIt() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String huge = "A".repeat(600 * 1024);

        var response = sso.post(huge, null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.setCookie("gatehouse_session")).isNull();
    }
}
