package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SamlResponseReader;
import io.gatehouse.domain.port.out.SpPrivateKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

/**
 * The ACS's XML side. In order: decode and parse (bounded, no DTD); Status; Response Issuer and
 * Destination; the Response signature if any; exactly one assertion, decrypted if encrypted (and
 * required to be, when the workspace wants encryption); the Assertion signature if any; at least one
 * of the two signatures present and valid; Assertion Issuer; freshness of both IssueInstants; bearer
 * subject; conditions; AuthnStatement and the age of its AuthnInstant.
 *
 * <p>Everything returned is read from the single {@link Assertion} object that was verified — either
 * itself, or as the direct child of the verified Response — never looked up again by another path
 * (SAML-NOTES 4): that is what keeps a wrapped, unsigned copy from being used.
 */
public final class OpenSamlResponseReader implements SamlResponseReader {

    private static final int MAX_CACHED_WORKSPACES = 1000;
    private final SpPrivateKeys privateKeys;
    private final Clock clock;
    private final Map<WorkspaceId, WorkspaceTrust> trustByWorkspace = new ConcurrentHashMap<>();

    public OpenSamlResponseReader(SpPrivateKeys privateKeys, Clock clock) {
        this.privateKeys = privateKeys;
        this.clock = clock;
    }

    @Override
    public SamlAssertion read(String encodedResponse, Expectations expected) {
        SsoConfiguration configuration = expected.configuration();
        String idp = configuration.idpEntityId();
        Response response = ResponseDecoder.decode(encodedResponse);
        Instant now = clock.instant();
        ProtocolChecks.statusIsSuccess(response);
        ProtocolChecks.issuerIs(response.getIssuer(), idp, "Response", false);
        ProtocolChecks.destinationIs(response, expected.acsUrl());

        WorkspaceTrust trust = trustFor(configuration);
        boolean responseSigned = trust.signatures().verify(response, "Response");
        int count = response.getAssertions().size() + response.getEncryptedAssertions().size();
        if (count != 1) {
            throw new SsoRejection(ErrorCode.SAML_ASSERTION_COUNT, "expected exactly one Assertion or EncryptedAssertion in the "
                    + "Response, got " + response.getAssertions().size() + " plain and " + response.getEncryptedAssertions().size()
                    + " encrypted");
        }
        Assertion assertion;
        if (!response.getEncryptedAssertions().isEmpty()) {
            assertion = new AssertionDecrypter(trust.encryptionCertificate(), trust.encryptionKey())
                    .decrypt(response.getEncryptedAssertions().get(0));
        } else if (configuration.wantAssertionsEncrypted()) {
            throw new SsoRejection(ErrorCode.SAML_ENCRYPTION_REQUIRED,
                    "the workspace requires encrypted assertions (want_assertions_encrypted) and this one is plain");
        } else {
            assertion = response.getAssertions().get(0);
        }
        boolean assertionSigned = trust.signatures().verify(assertion, "Assertion");
        if (!responseSigned && !assertionSigned) {
            throw new SsoRejection(ErrorCode.SAML_SIGNATURE_MISSING,
                    "neither the Response nor the Assertion is signed; configure the IdP to sign the assertion or the response");
        }
        if (assertion.getID() == null || assertion.getID().isBlank()) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED, "the assertion has no ID");
        }
        ProtocolChecks.issuerIs(assertion.getIssuer(), idp, "Assertion", true);
        Instant responseIssued = MessageFreshness.issueInstant(response.getIssueInstant(), "Response", now, expected.clockSkew(),
                expected.maxMessageAge());
        Instant assertionIssued = MessageFreshness.issueInstant(assertion.getIssueInstant(), "Assertion", now, expected.clockSkew(),
                expected.maxMessageAge());
        AssertionChecks.Confirmed subject = AssertionChecks.bearerSubject(assertion, expected.acsUrl(), response.getInResponseTo(),
                now, expected.clockSkew());
        Instant conditionsEnd = AssertionChecks.conditions(assertion, expected.spEntityId(), now, expected.clockSkew());
        AssertionChecks.hasAuthnStatement(assertion);
        Instant authnInstant = MessageFreshness.authnInstant(assertion.getAuthnStatements(), now, expected.clockSkew(),
                expected.maxAuthenticationAge());
        Instant validUntil = conditionsEnd == null || subject.notOnOrAfter().isBefore(conditionsEnd)
                ? subject.notOnOrAfter() : conditionsEnd;
        Instant issuedAt = responseIssued.isBefore(assertionIssued) ? responseIssued : assertionIssued;
        return new SamlAssertion(assertion.getID(), idp, subject.nameId(), subject.inResponseTo(), issuedAt, authnInstant, validUntil,
                AttributeValues.of(assertion));
    }

    /**
     * Certificates parsed and the SP encryption key opened once per configuration version, not per
     * login; a saved configuration has a new {@code updated_at} and so gets a fresh entry.
     */
    private WorkspaceTrust trustFor(SsoConfiguration configuration) {
        WorkspaceTrust cached = trustByWorkspace.get(configuration.workspaceId());
        if (cached != null && java.util.Objects.equals(cached.version(), configuration.updatedAt())) {
            return cached;
        }
        if (trustByWorkspace.size() >= MAX_CACHED_WORKSPACES) {
            trustByWorkspace.clear();
        }
        WorkspaceTrust fresh = WorkspaceTrust.of(configuration, privateKeys);
        trustByWorkspace.put(configuration.workspaceId(), fresh);
        return fresh;
    }

    private record WorkspaceTrust(Instant version, TrustedSignatures signatures, X509Certificate encryptionCertificate,
                                  PrivateKey encryptionKey) {

        static WorkspaceTrust of(SsoConfiguration configuration, SpPrivateKeys privateKeys) {
            TrustedSignatures signatures = new TrustedSignatures(configuration.idpCertificates().stream().map(Pem::toCertificate).toList(),
                    configuration.allowLegacyAlgorithms());
            byte[] der = privateKeys.encryptionKey(configuration.workspaceId(), configuration.spKeys());
            try {
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                return new WorkspaceTrust(configuration.updatedAt(), signatures,
                        Pem.toCertificate(configuration.spKeys().encryptionCertificate()), key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the stored SP encryption key is not an RSA PKCS#8 key", e);
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
    }
}
