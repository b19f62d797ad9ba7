package io.gatehouse.saml;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** X.509 certificates between PEM (what the API speaks) and the bare base64 of XML-DSig X509Certificate. */
final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {
    }

    static String fromBase64Der(String base64) {
        String compact = base64.replaceAll("\\s", "");
        // Decoding proves it is base64; the certificate itself is checked where configurations are validated.
        Base64.getDecoder().decode(compact);
        StringBuilder pem = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < compact.length(); i += 64) {
            pem.append(compact, i, Math.min(compact.length(), i + 64)).append('\n');
        }
        return pem.append(END).append('\n').toString();
    }

    static String toBase64Der(String pem) {
        return pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
    }

    static X509Certificate toCertificate(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(toBase64Der(pem));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate", e);
        }
    }

    /** SHA-256 over the DER encoding, as colon-separated upper-case hex (how IdP consoles show it). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
