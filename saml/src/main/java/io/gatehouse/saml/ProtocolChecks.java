package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoRejection;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

/** The Response-level checks: status, issuer and destination. */
final class ProtocolChecks {

    private ProtocolChecks() {
    }

    /** SAML core 3.2.2.2: only a top-level Success status carries a usable assertion. */
    static void statusIsSuccess(Response response) {
        Status status = response.getStatus();
        String code = status == null || status.getStatusCode() == null ? null : status.getStatusCode().getValue();
        if (!StatusCode.SUCCESS.equals(code)) {
            StatusCode second = status == null || status.getStatusCode() == null ? null : status.getStatusCode().getStatusCode();
            String message = status == null || status.getStatusMessage() == null ? null : status.getStatusMessage().getValue();
            throw new SsoRejection(ErrorCode.SAML_STATUS_NOT_SUCCESS, "the IdP answered with status " + Quoted.of(code)
                    + (second == null ? "" : " / " + Quoted.of(second.getValue()))
                    + (message == null ? "" : ", message " + Quoted.of(message)));
        }
    }

    /**
     * SAML core 3.2.2 and profiles 4.1.4.2: a Response's Issuer, when present, and every assertion's
     * Issuer must be the IdP's entity id, with the entity format (or none).
     */
    static void issuerIs(Issuer issuer, String expected, String where, boolean required) {
        if (issuer == null) {
            if (required) {
                throw new SsoRejection(ErrorCode.SAML_ISSUER_MISMATCH, where + " has no Issuer; expected " + Quoted.of(expected));
            }
            return;
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw new SsoRejection(ErrorCode.SAML_ISSUER_MISMATCH, where + " Issuer has format " + Quoted.of(issuer.getFormat())
                    + "; expected the entity format");
        }
        if (!expected.equals(issuer.getValue())) {
            throw new SsoRejection(ErrorCode.SAML_ISSUER_MISMATCH, where + " Issuer expected " + Quoted.of(expected) + ", got "
                    + Quoted.of(issuer.getValue()));
        }
    }

    /**
     * SAML bindings 3.5.5.2: a signed message sent by HTTP-POST must name its Destination, and it must
     * be the URL it arrived at; we require it on every response, which all mainstream IdPs send.
     */
    static void destinationIs(Response response, String acsUrl) {
        String destination = response.getDestination();
        if (!acsUrl.equals(destination)) {
            throw new SsoRejection(ErrorCode.SAML_DESTINATION_MISMATCH, "Destination expected " + Quoted.of(acsUrl) + ", got "
                    + Quoted.of(destination));
        }
    }
}
