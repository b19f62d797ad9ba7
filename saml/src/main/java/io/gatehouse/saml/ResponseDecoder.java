package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoRejection;
import java.util.Base64;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.saml2.core.Response;

/**
 * Turns the posted {@code SAMLResponse} form field into a Response object (SAML bindings 3.5.4:
 * base64 of the XML, no DEFLATE on the POST binding). The size is bounded before decoding, the
 * base64 must be well-formed (line breaks tolerated, nothing else), and the XML goes through the
 * hardened parser: no DTD, so no entity expansion of any kind.
 */
final class ResponseDecoder {

    /** A signed, encrypted response with a few certificates is well under 64 KiB; leave generous room. */
    static final int MAX_ENCODED_LENGTH = 256 * 1024;

    private ResponseDecoder() {
    }

    static Response decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED, "no SAMLResponse form field");
        }
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new SsoRejection(ErrorCode.SAML_RESPONSE_TOO_LARGE,
                    "SAMLResponse is " + encoded.length() + " characters; at most " + MAX_ENCODED_LENGTH + " are accepted");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(stripLineBreaks(encoded));
        } catch (IllegalArgumentException e) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED, "SAMLResponse is not valid base64");
        }
        XMLObject parsed;
        try {
            parsed = OpenSaml.unmarshall(xml);
        } catch (XMLParserException e) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED, "SAMLResponse is not well-formed XML, or declares a DTD (refused)");
        } catch (UnmarshallingException | RuntimeException e) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED, "SAMLResponse is not a SAML protocol message");
        }
        if (!(parsed instanceof Response response)) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED,
                    "expected a samlp:Response, got " + Quoted.of(parsed.getElementQName().getLocalPart()));
        }
        return response;
    }

    private static String stripLineBreaks(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
