package io.gatehouse.saml;

import java.util.Base64;

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
}
