package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoRejection;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.DecryptionConfiguration;
import org.opensaml.xmlsec.DecryptionParameters;
import org.opensaml.xmlsec.SecurityConfigurationSupport;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.SimpleRetrievalMethodEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;

/**
 * Decrypts an EncryptedAssertion (SAML core 2.3.4, 6.2) with the workspace's SP encryption key. The
 * key may travel inside EncryptedData's KeyInfo or beside it in the EncryptedAssertion. OpenSAML's
 * global decryption policy stays in force, which refuses RSA 1.5 key transport (SAML-NOTES 6);
 * RSA-OAEP with AES-GCM or AES-CBC content is accepted. Every failure is one answer, so the ACS is no
 * padding oracle.
 */
final class AssertionDecrypter {

    private final Decrypter decrypter;

    AssertionDecrypter(X509Certificate certificate, PrivateKey key) {
        DecryptionConfiguration global = SecurityConfigurationSupport.getGlobalDecryptionConfiguration();
        DecryptionParameters parameters = new DecryptionParameters();
        parameters.setKEKKeyInfoCredentialResolver(new StaticKeyInfoCredentialResolver(new BasicX509Credential(certificate, key)));
        parameters.setEncryptedKeyResolver(new ChainingEncryptedKeyResolver(List.of(new InlineEncryptedKeyResolver(),
                new EncryptedElementTypeEncryptedKeyResolver(), new SimpleRetrievalMethodEncryptedKeyResolver())));
        parameters.setBlacklistedAlgorithms(global.getBlacklistedAlgorithms());
        parameters.setWhitelistedAlgorithms(global.getWhitelistedAlgorithms());
        this.decrypter = new Decrypter(parameters);
        // The decrypted assertion becomes the root of its own document, so its signature's ID reference
        // resolves within the assertion alone (SAML-NOTES 9: verify the decrypted assertion).
        decrypter.setRootInNewDocument(true);
    }

    Assertion decrypt(EncryptedAssertion encrypted) {
        try {
            return decrypter.decrypt(encrypted);
        } catch (DecryptionException | RuntimeException e) {
            throw new SsoRejection(ErrorCode.SAML_DECRYPTION_FAILED, "the EncryptedAssertion could not be decrypted with this "
                    + "workspace's SP encryption key (is the IdP using the encryption certificate from our current SP metadata, "
                    + "with RSA-OAEP key transport?)");
        }
    }
}
