package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoConfiguration;

/** Builds the URL that carries an AuthnRequest to the IdP (SAML bindings 3.4 HTTP-Redirect). */
public interface AuthnRequestEncoder {

    /** The IdP's SSO URL with SAMLRequest, RelayState and, when the workspace signs requests, SigAlg and Signature. */
    String redirectUrl(SsoConfiguration configuration, String requestId, String relayState, String spEntityId, String acsUrl);
}
