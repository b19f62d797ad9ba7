package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoRejection;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.shibboleth.utilities.java.support.resolver.CriteriaSet;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.impl.StaticCredentialResolver;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureValidationParameters;
import org.opensaml.xmlsec.config.impl.DefaultSecurityConfigurationBootstrap;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidationParametersCriterion;
import org.opensaml.xmlsec.signature.support.impl.ExplicitKeySignatureTrustEngine;
import org.opensaml.xmlsec.signature.support.impl.SignatureAlgorithmValidator;

/**
 * Verifies XML signatures against the workspace's configured IdP certificates, and nothing else.
 *
 * <ul>
 *   <li>{@link SAMLSignatureProfileValidator} first (SAML core 5.4): the Signature is a direct child of
 *       the object it signs, with exactly one Reference to that object's ID, only the enveloped and
 *       exclusive-c14n transforms, and no ds:Object. This is what defeats signature wrapping: a valid
 *       signature over some other element does not count for this one (SAML-NOTES 2).</li>
 *   <li>An explicit-key trust engine over the configured certificates: a key or certificate carried in
 *       the message's KeyInfo is trusted only if it is one of them (SAML-NOTES 3).</li>
 *   <li>SHA-1 and MD5, as signature or digest algorithms, are refused (SAML-NOTES 6; NIST SP 800-131A
 *       disallows SHA-1 signatures), SHA-1 only unless the workspace explicitly allows legacy algorithms.</li>
 * </ul>
 */
final class TrustedSignatures {

    /** Signature and digest algorithms refused: collisions in MD5 and SHA-1 are practical. */
    static final Set<String> WEAK_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_DSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA1,
            SignatureConstants.ALGO_ID_MAC_HMAC_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5,
            SignatureConstants.ALGO_ID_MAC_HMAC_NOT_RECOMMENDED_MD5,
            SignatureConstants.ALGO_ID_DIGEST_SHA1,
            SignatureConstants.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5);

    /** Refused even for workspaces that allow legacy algorithms. */
    static final Set<String> BROKEN_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5,
            SignatureConstants.ALGO_ID_MAC_HMAC_NOT_RECOMMENDED_MD5,
            SignatureConstants.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5);

    private final List<X509Certificate> trusted;
    private final List<String> fingerprints;
    private final ExplicitKeySignatureTrustEngine engine;
    private final SignatureValidationParameters parameters;

    /** @param allowLegacy the workspace explicitly accepts SHA-1 (for an IdP that cannot do better); MD5 stays refused */
    TrustedSignatures(List<X509Certificate> certificates, boolean allowLegacy) {
        this.trusted = List.copyOf(certificates);
        this.fingerprints = trusted.stream().map(Pem::fingerprint).toList();
        List<Credential> credentials = new ArrayList<>();
        trusted.forEach(certificate -> credentials.add(new BasicX509Credential(certificate)));
        this.engine = new ExplicitKeySignatureTrustEngine(new StaticCredentialResolver(credentials),
                DefaultSecurityConfigurationBootstrap.buildBasicInlineKeyInfoCredentialResolver());
        this.parameters = new SignatureValidationParameters();
        parameters.setBlacklistedAlgorithms(allowLegacy ? BROKEN_ALGORITHMS : WEAK_ALGORITHMS);
    }

    /**
     * @return true when {@code object} is signed and the signature is good; false when it is unsigned
     * @throws SsoRejection when it is signed but the signature is not acceptable
     */
    boolean verify(SignableSAMLObject object, String what) {
        Signature signature = object.getSignature();
        if (signature == null) {
            return false;
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw new SsoRejection(ErrorCode.SAML_SIGNATURE_INVALID, "the " + what + " signature does not follow the SAML "
                    + "signature profile (" + e.getMessage() + "): it must be a direct child of the signed element and "
                    + "reference exactly that element's ID");
        }
        try {
            new SignatureAlgorithmValidator(parameters).validate(signature);
        } catch (SignatureException e) {
            throw new SsoRejection(ErrorCode.SAML_ALGORITHM_NOT_ALLOWED, "the " + what + " is signed with "
                    + Quoted.of(signature.getSignatureAlgorithm()) + " or digested with SHA-1/MD5; use RSA-SHA256 or stronger"
                    + " (or, for an IdP that cannot, set allow_legacy_algorithms to accept SHA-1)");
        }
        boolean valid;
        try {
            valid = engine.validate(signature, new CriteriaSet(new SignatureValidationParametersCriterion(parameters)));
        } catch (SecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new SsoRejection(ErrorCode.SAML_SIGNATURE_INVALID, "the " + what + " signature " + explainFailure(signature));
        }
        return true;
    }

    /** Says which key signed, as far as the message tells, against the fingerprints the workspace trusts. */
    private String explainFailure(Signature signature) {
        List<X509Certificate> offered = List.of();
        try {
            if (signature.getKeyInfo() != null) {
                offered = KeyInfoSupport.getCertificates(signature.getKeyInfo());
            }
        } catch (CertificateException e) {
            offered = List.of();
        }
        String trustedList = "trusted certificate fingerprints (SHA-256): " + fingerprints;
        for (X509Certificate certificate : offered) {
            if (trusted.contains(certificate)) {
                return "does not verify with the trusted certificate it names: the signed content was changed after signing";
            }
        }
        if (!offered.isEmpty()) {
            return "was made with a certificate that is not trusted: got fingerprint " + Pem.fingerprint(offered.get(0))
                    + ", subject " + Quoted.of(offered.get(0).getSubjectX500Principal().getName()) + "; " + trustedList;
        }
        return "does not verify with any configured IdP certificate (wrong key, or content changed after signing); " + trustedList;
    }
}
