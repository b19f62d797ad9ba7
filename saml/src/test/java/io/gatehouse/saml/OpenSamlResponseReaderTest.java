package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SamlResponseReader.Expectations;
import io.gatehouse.domain.port.out.SpPrivateKeys;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** The XML side of the ACS against a test IdP: what verifies, and that each forgery is refused for its reason. */
class OpenSamlResponseReaderTest {

    private static final String ACS = "https://sp.example/api/v1/auth/saml2/login/w";
    private static final String SP = "https://sp.example/api/v1/workspaces/w/sso/metadata";
    private static final TestIdentityProvider IDP = new TestIdentityProvider("Test IdP");
    private static final TestIdentityProvider ATTACKER = new TestIdentityProvider("Attacker");
    private static final KeyPair SP_ENCRYPTION = rsa();
    private static final String SP_ENCRYPTION_PEM = selfSigned(SP_ENCRYPTION);

    private final SpPrivateKeys keys = new SpPrivateKeys() {
        @Override
        public byte[] signingKey(WorkspaceId workspace, SpKeys spKeys) {
            throw new AssertionError("not used by the reader");
        }

        @Override
        public byte[] encryptionKey(WorkspaceId workspace, SpKeys spKeys) {
            return SP_ENCRYPTION.getPrivate().getEncoded();
        }
    };
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration MAX_AUTHENTICATION_AGE = Duration.ofHours(8);
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private OpenSamlResponseReader reader = new OpenSamlResponseReader(keys, Clock.systemUTC());

    @Test
    void acceptsASignedResponseAndReadsTheVerifiedAssertion() {
        SamlAssertion assertion = read(IDP.login("alice@acme.example").to(ACS, SP).inResponseTo("id-1")
                .attribute("email", "alice@acme.example").attribute("firstName", "Alice").encoded(), false);

        assertThat(assertion.nameId()).isEqualTo("alice@acme.example");
        assertThat(assertion.inResponseTo()).isEqualTo("id-1");
        assertThat(assertion.issuer()).isEqualTo(TestIdentityProvider.ENTITY_ID);
        assertThat(assertion.attributes()).containsEntry("firstName", List.of("Alice"));
        assertThat(assertion.validUntil()).isAfter(Instant.now());
    }

    @Test
    void acceptsASignedAssertionInAnUnsignedResponse() {
        assertThat(read(IDP.login("a@acme.example").to(ACS, SP).signed(false, true).encoded(), false).nameId()).isEqualTo("a@acme.example");
    }

    @Test
    void acceptsEncryptedAssertionsWithGcmAndCbcContent() {
        for (String algorithm : List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256)) {
            String encoded = IDP.login("e@acme.example").to(ACS, SP).signed(false, true).encryptedFor(SP_ENCRYPTION_PEM, algorithm).encoded();
            assertThat(read(encoded, true).nameId()).as(algorithm).isEqualTo("e@acme.example");
        }
    }

    @Test
    void refusesAPlainAssertionWhenEncryptionIsRequired() {
        assertRejected(read(IDP.login("a@acme.example").to(ACS, SP), true), ErrorCode.SAML_ENCRYPTION_REQUIRED);
    }

    @Test
    void refusesAResponseSignedByAnotherKeyEvenWithItsCertificateInKeyInfo() {
        assertThatThrownBy(() -> read(IDP.login("a@acme.example").to(ACS, SP).signedBy(ATTACKER).encoded(), false))
                .isInstanceOfSatisfying(SsoRejection.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SAML_SIGNATURE_INVALID);
                    assertThat(e.detail()).contains("not trusted").contains(Pem.fingerprint(Pem.toCertificate(ATTACKER.certificatePem())));
                });
    }

    @Test
    void refusesSha1Signatures() {
        assertRejected(read(IDP.login("a@acme.example").to(ACS, SP)
                .algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1), false),
                ErrorCode.SAML_ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(SignatureWrapping.Shape.class)
    void refusesEverySignatureWrappingShape(SignatureWrapping.Shape shape) {
        boolean responseLevel = shape.name().startsWith("RESPONSE");
        String signed = IDP.login("victim@acme.example").to(ACS, SP).attribute("email", "victim@acme.example")
                .signed(responseLevel, !responseLevel).xml();
        String wrapped = SignatureWrapping.apply(shape, signed, "attacker@acme.example");

        assertThatThrownBy(() -> read(TestIdentityProvider.encode(wrapped), false))
                .isInstanceOfSatisfying(SsoRejection.class, e -> assertThat(e.code()).isEqualTo(shape.refusal()));
    }

    @Test
    void readsTheEarlierIssueInstantAndTheAuthnInstant() {
        atFixedClock();
        SamlAssertion assertion = read(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.minusSeconds(30))
                .authnInstant(NOW.minus(Duration.ofHours(2))).encoded(), false);

        assertThat(assertion.issuedAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(assertion.authnInstant()).isEqualTo(NOW.minus(Duration.ofHours(2)));
    }

    @Test
    void refusesAMessageIssuedLongerAgoThanTheMaximumAgeEvenWhenItsWindowsCoverNow() {
        atFixedClock();
        // Two days old, validity windows stretched around now: signed, and every other check passes.
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(twoDaysAgo), ErrorCode.SAML_EXPIRED,
                "Response IssueInstant is " + twoDaysAgo + ", 172800 s before our clock", "maximum message age is 300 s (+ 60 s skew)");
        // Just past the bound (age + skew), and just within it.
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.minusSeconds(361)),
                ErrorCode.SAML_EXPIRED, "361 s before our clock");
        assertThat(read(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.minusSeconds(360)).encoded(), false)
                .issuedAt()).isEqualTo(NOW.minusSeconds(360));
    }

    @Test
    void refusesAMessageIssuedInTheFutureBeyondTheSkew() {
        atFixedClock();
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.plus(Duration.ofDays(1))),
                ErrorCode.SAML_NOT_YET_VALID, "Response IssueInstant", "86400 s ahead of our clock", "tolerated skew is 60 s");
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.plusSeconds(61)),
                ErrorCode.SAML_NOT_YET_VALID, "61 s ahead");
        assertThat(read(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.plusSeconds(60)).encoded(), false))
                .isNotNull();
    }

    @Test
    void refusesAnAssertionWhoseOwnIssueInstantIsStaleUnderAFreshResponse() {
        atFixedClock();
        // The response is signed over an old, separately signed assertion: the assertion's own instant counts too.
        String stale = IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(NOW.minus(Duration.ofHours(3)))
                .signed(false, true).xml();
        String assertion = stale.substring(stale.indexOf("<saml2:Assertion"), stale.indexOf("</saml2:Assertion>") + "</saml2:Assertion>".length());
        String fresh = IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).signed(false, false).xml();
        String spliced = fresh.substring(0, fresh.indexOf("<saml2:Assertion"))
                + assertion + fresh.substring(fresh.indexOf("</saml2:Assertion>") + "</saml2:Assertion>".length());

        assertThatThrownBy(() -> read(TestIdentityProvider.encode(spliced), false)).isInstanceOfSatisfying(SsoRejection.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SAML_EXPIRED);
            assertThat(e.detail()).startsWith("Assertion IssueInstant");
        });
    }

    @Test
    void refusesAMessageWithoutIssueInstant() {
        atFixedClock();
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).issueInstant(null), ErrorCode.SAML_MALFORMED,
                "has no IssueInstant");
    }

    @Test
    void boundsTheAuthnInstantByTheAuthenticationAge() {
        atFixedClock();
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).authnInstant(NOW.minus(Duration.ofHours(9))),
                ErrorCode.SAML_EXPIRED, "AuthnStatement AuthnInstant", "maximum authentication age is 28800 s");
        assertRejectedWith(IDP.login("a@acme.example").to(ACS, SP).issuedAt(NOW).authnInstant(NOW.plus(Duration.ofMinutes(5))),
                ErrorCode.SAML_NOT_YET_VALID, "AuthnStatement AuthnInstant", "300 s ahead");
    }

    private void atFixedClock() {
        reader = new OpenSamlResponseReader(keys, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    private void assertRejectedWith(TestIdentityProvider.Login login, ErrorCode code, String... detailParts) {
        assertThatThrownBy(() -> read(login.encoded(), false)).isInstanceOfSatisfying(SsoRejection.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.detail()).contains(detailParts);
        });
    }

    private static void assertRejected(Runnable read, ErrorCode code) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(SsoRejection.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private Runnable read(TestIdentityProvider.Login login, boolean wantEncrypted) {
        return () -> read(login.encoded(), wantEncrypted);
    }

    private SamlAssertion read(String encoded, boolean wantEncrypted) {
        SsoConfiguration configuration = new SsoConfiguration(WorkspaceId.random(), true, TestIdentityProvider.ENTITY_ID,
                TestIdentityProvider.SSO_URL, List.of(IDP.certificatePem()), List.of("acme.example"), true, wantEncrypted, false, true,
                Role.MEMBER, false, false, AttributeMapping.DEFAULT, new SpKeys("unused", "unused", SP_ENCRYPTION_PEM, "sealed"),
                Instant.now(), Instant.now(), java.util.Set.of());
        return reader.read(encoded, new Expectations(configuration, SP, ACS, SKEW, MAX_AGE, MAX_AUTHENTICATION_AGE));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String selfSigned(KeyPair pair) {
        try {
            X500Name name = new X500Name("CN=SP encryption");
            Instant now = Instant.now();
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(holder);
            }
            return pem.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
