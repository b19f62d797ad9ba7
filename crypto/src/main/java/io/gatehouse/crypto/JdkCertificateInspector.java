package io.gatehouse.crypto;

import io.gatehouse.domain.model.CertificateInfo;
import io.gatehouse.domain.port.out.CertificateInspector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** X.509 parsing with the JDK's certificate factory. */
public final class JdkCertificateInspector implements CertificateInspector {

    @Override
    public Optional<CertificateInfo> inspect(String pem) {
        if (pem == null || pem.length() > CertificateInfo.MAX_PEM_LENGTH || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.empty();
        }
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (certificates.size() != 1) {
                return Optional.empty();
            }
            X509Certificate certificate = (X509Certificate) certificates.iterator().next();
            byte[] der = certificate.getEncoded();
            String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            String normalised = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return Optional.of(new CertificateInfo(normalised, certificate.getSubjectX500Principal().getName(),
                    certificate.getNotAfter().toInstant(), fingerprint));
        } catch (GeneralSecurityException | RuntimeException notACertificate) {
            return Optional.empty();
        }
    }
}
