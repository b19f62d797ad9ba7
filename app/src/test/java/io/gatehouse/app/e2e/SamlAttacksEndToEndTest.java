package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.SignatureWrapping;
import io.gatehouse.saml.TestIdentityProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Every forged, stale or misdirected response must fail at the ACS: 401 with the right code, no
 * session cookie, and an SSO event that says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamlAttacksEndToEndTest {

    private static final TestIdentityProvider IDP = new TestIdentityProvider("Trusted IdP");
    private static final TestIdentityProvider ATTACKER = new TestIdentityProvider("Attacker IdP");
    // Every forgery here comes from one address; the per-address limit has a test of its own (SsoAbuseLimitsEndToEndTest).
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of("gatehouse.sso-limits.max-failures-per-ip", 1000));
    private SsoWorkspace sso;

    /** What a test sends to the ACS. */
    record Attempt(String encodedResponse, String relayState) {
    }

    @BeforeAll
    void configure() {
        sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
    }

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forgery("unsigned", (sso, r, email) -> sso.answer(r, email).signed(false, false).encoded(),
                        "saml_signature_missing", "neither the Response nor the Assertion is signed"),
                forgery("signed by an untrusted key, its certificate in KeyInfo",
                        (sso, r, email) -> sso.answer(r, email).signedBy(ATTACKER).encoded(), "saml_signature_invalid", "not trusted"),
                forgery("signed by an untrusted key, no KeyInfo",
                        (sso, r, email) -> sso.answer(r, email).signedBy(ATTACKER).withoutKeyInfo().encoded(),
                        "saml_signature_invalid", "does not verify with any configured IdP certificate"),
                forgery("assertion tampered after signing", (sso, r, email) -> TestIdentityProvider.encode(SignatureWrapping.tamper(
                        sso.answer(r, email).signed(false, true).xml(), "NameID", "ceo@" + sso.domain)),
                        "saml_signature_invalid", "changed after signing"),
                forgery("comment injected into NameID and email", (sso, r, email) -> {
                    String evil = "victim@" + sso.domain + ".evil.example";
                    String xml = sso.answer(r, evil).xml();
                    return TestIdentityProvider.encode(xml.replace(evil, "victim@" + sso.domain + "<!---->.evil.example"));
                }, "saml_email_domain_not_allowed", ".evil.example"),
                forgery("validity window over", (sso, r, email) -> sso.answer(r, email).issuedAt(Instant.now().minus(Duration.ofHours(1)))
                        .issueInstant(Instant.now()).encoded(), "saml_expired", "s later"),
                forgery("validity window not begun", (sso, r, email) -> sso.answer(r, email).issuedAt(Instant.now().plus(Duration.ofHours(1)))
                        .issueInstant(Instant.now()).encoded(), "saml_not_yet_valid", "Conditions NotBefore"),
                forgery("issued two days ago, validity windows stretched to cover now", (sso, r, email) -> sso.answer(r, email)
                        .issueInstant(Instant.now().minus(Duration.ofDays(2))).encoded(), "saml_expired", "Response IssueInstant"),
                forgery("issued a day in the future, validity windows covering now", (sso, r, email) -> sso.answer(r, email)
                        .issueInstant(Instant.now().plus(Duration.ofDays(1))).encoded(), "saml_not_yet_valid", "Response IssueInstant"),
                forgery("issued before its AuthnRequest was sent", (sso, r, email) -> sso.answer(r, email)
                        .issueInstant(Instant.now().minus(Duration.ofMinutes(3))).encoded(), "saml_expired", "before AuthnRequest"),
                forgery("no IssueInstant", (sso, r, email) -> sso.answer(r, email).issueInstant(null).encoded(),
                        "saml_malformed", "has no IssueInstant"),
                forgery("user authenticated at the IdP two days ago", (sso, r, email) -> sso.answer(r, email)
                        .authnInstant(Instant.now().minus(Duration.ofDays(2))).encoded(), "saml_expired", "AuthnInstant"),
                forgery("wrong audience", (sso, r, email) -> sso.answer(r, email).audience("https://other-sp.example/metadata").encoded(),
                        "saml_audience_mismatch", "got ['https://other-sp.example/metadata']"),
                forgery("wrong destination", (sso, r, email) -> sso.answer(r, email).destination("https://other-sp.example/acs").encoded(),
                        "saml_destination_mismatch", "got 'https://other-sp.example/acs'"),
                forgery("wrong recipient", (sso, r, email) -> sso.answer(r, email).recipient("https://other-sp.example/acs").encoded(),
                        "saml_recipient_mismatch", "got 'https://other-sp.example/acs'"),
                forgery("wrong issuer", (sso, r, email) -> sso.answer(r, email).issuer("https://impostor.example/idp").encoded(),
                        "saml_issuer_mismatch", "got 'https://impostor.example/idp'"),
                forgery("status not Success", (sso, r, email) -> sso.answer(r, email).status(StatusCode.REQUESTER).encoded(),
                        "saml_status_not_success", StatusCode.REQUESTER),
                forgery("not a bearer confirmation", (sso, r, email) -> sso.answer(r, email)
                        .confirmationMethod(SubjectConfirmation.METHOD_HOLDER_OF_KEY).encoded(), "saml_subject_invalid", "not bearer"),
                forgery("two assertions", (sso, r, email) -> sso.answer(r, email).twoAssertions().encoded(),
                        "saml_assertion_count", "got 2 plain"),
                forgery("SHA-1 signature", (sso, r, email) -> sso.answer(r, email)
                        .algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1).encoded(),
                        "saml_algorithm_not_allowed", "rsa-sha1"),
                forgery("unknown InResponseTo", (sso, r, email) -> sso.answer(r, email).inResponseTo("id-never-sent").encoded(),
                        "saml_in_response_to_unknown", "id-never-sent"),
                forgery("email outside the workspace domains", (sso, r, email) -> sso.answer(r, "alice@elsewhere.example.org").encoded(),
                        "saml_email_domain_not_allowed", "elsewhere.example.org"),
                forgery("DTD with entity expansion", (sso, r, email) -> TestIdentityProvider.encode("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                        + sso.answer(r, email).xml().replace(email, "&b;")), "saml_malformed", "DTD"),
                forgery("malformed base64", (sso, r, email) -> "PHNhbWxw%%%not-base64", "saml_malformed", "not valid base64"),
                forgery("oversized response", (sso, r, email) -> "A".repeat(300 * 1024), "saml_response_too_large", "at most"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgedResponsesAreRefusedAndExplained(String name, Forgery forgery, String code, String detailFragment) {
        String email = "user-" + Math.abs(name.hashCode()) + "@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");

        assertRefused(sso.post(forgery.make(sso, request, email), request.relayState()), code, detailFragment);
    }

    @ParameterizedTest
    @EnumSource(SignatureWrapping.Shape.class)
    void signatureWrappingNeverLogsInTheInjectedIdentity(SignatureWrapping.Shape shape) {
        String victim = "victim-" + shape.ordinal() + "@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(victim, "");
        boolean responseLevel = shape.name().startsWith("RESPONSE");
        String signed = sso.answer(request, victim).signed(responseLevel, !responseLevel).xml();

        String wrapped = SignatureWrapping.apply(shape, signed, "attacker-" + shape.ordinal() + "@" + sso.domain);

        assertRefused(sso.post(TestIdentityProvider.encode(wrapped), request.relayState()), shape.refusal().code(), "");
    }

    @Test
    void anInResponseToIsAnsweredOnlyOnce() {
        String email = "once@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");
        sso.post(sso.answer(request, email).encoded(), request.relayState()).expect(200);

        assertRefused(sso.post(sso.answer(request, email).encoded(), request.relayState()), "saml_in_response_to_unknown",
                "already answered");
    }

    @Test
    void theRelayStateMustBeTheOneSentWithTheRequest() {
        String email = "relay@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");

        assertRefused(sso.post(sso.answer(request, email).encoded(), "forged-relay-state"), "saml_relay_state_mismatch", request.id());
    }

    @Test
    void aRequestOfAnotherWorkspaceIsUnknownHere() {
        SsoWorkspace other = SsoWorkspace.create(gatehouse, IDP, Map.of());
        String email = "cross@" + sso.domain;
        TestIdentityProvider.ReceivedRequest foreign = other.start("x@" + other.domain, "");

        assertRefused(sso.post(sso.answer(foreign, email).encoded(), foreign.relayState()), "saml_in_response_to_unknown", foreign.id());
    }

    @Test
    void aReplayedAssertionIsRefused() {
        SsoWorkspace unsolicited = SsoWorkspace.create(gatehouse, IDP, Map.of("allow_idp_initiated", true));
        String encoded = unsolicited.unsolicited("replay@" + unsolicited.domain).encoded();
        unsolicited.post(encoded, null).expect(200);

        var second = unsolicited.post(encoded, null);

        assertThat(second.problem(401, "saml_replayed")).isNotNull();
        assertThat(second.setCookie("gatehouse_session")).isNull();
        assertThat(unsolicited.lastEvent()).containsEntry("code", "saml_replayed");
    }

    @Test
    void anUnsolicitedResponseIsRefusedUnlessAllowed() {
        assertRefused(sso.post(sso.unsolicited("idp-init@" + sso.domain).encoded(), null), "saml_unsolicited_not_allowed",
                "allow_idp_initiated is off");
    }

    @Test
    void theClientLearnsTheCodeButNotTheReason() {
        String email = "quiet@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");

        var problem = sso.post(sso.answer(request, email).audience("https://other-sp.example/metadata").encoded(), request.relayState())
                .problem(401, "saml_audience_mismatch");

        assertThat((String) problem.get("detail")).doesNotContain("other-sp").doesNotContain(sso.spEntityId());
    }

    private void assertRefused(TestGatehouse.Response response, String code, String detailFragment) {
        response.problem(401, code);
        assertThat(response.setCookie("gatehouse_session")).as("no session cookie").isNull();
        Map<String, Object> event = sso.lastEvent();
        assertThat(event).containsEntry("code", code).containsEntry("outcome", "failure");
        assertThat((String) event.get("detail")).contains(detailFragment);
    }

    @FunctionalInterface
    interface Forgery {
        String make(SsoWorkspace sso, TestIdentityProvider.ReceivedRequest request, String email);
    }

    private static Arguments forgery(String name, Forgery forgery, String code, String detailFragment) {
        return Arguments.of(name, forgery, code, detailFragment);
    }
}
