package io.gatehouse.crypto;

import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SpKeyGenerator;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A workspace's SP key pairs: one for signing AuthnRequests, one for IdPs to encrypt assertions
 * to (kept apart so either can be replaced alone). RSA 2048 with self-signed SHA-256 certificates
 * valid ten years, which is what SAML metadata exchange expects: the IdP trusts the key in the
 * metadata, not a CA chain. Private keys leave this class only encrypted with the master key.
 */
public final class SelfSignedSpKeyGenerator implements SpKeyGenerator {

    private static final int RSA_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private final MasterKey masterKey;
    private final SecureRandom random;
    private final Clock clock;

    public SelfSignedSpKeyGenerator(MasterKey masterKey, SecureRandom random, Clock clock) {
        this.masterKey = masterKey;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public SpKeys generate(WorkspaceId workspaceId) {
        Sealed signing = pair(workspaceId, "signing");
        Sealed encryption = pair(workspaceId, "encryption");
        return new SpKeys(signing.certificatePem(), signing.encryptedKey(), encryption.certificatePem(), encryption.encryptedKey());
    }

    /** The context that binds an encrypted SP private key to its workspace and purpose. */
    public static String keyContext(WorkspaceId workspaceId, String purpose) {
        return "sp-key:" + workspaceId + ":" + purpose;
    }

    private record Sealed(String certificatePem, String encryptedKey) {
    }

    private Sealed pair(WorkspaceId workspaceId, String purpose) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, random);
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name subject = new X500Name("CN=Gatehouse SP " + purpose + " " + workspaceId);
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            return new Sealed(pem.toString(), masterKey.encrypt(pair.getPrivate().getEncoded(), keyContext(workspaceId, purpose)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate SP keys", e);
        }
    }
}
