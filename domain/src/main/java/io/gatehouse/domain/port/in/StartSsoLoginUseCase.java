package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.WorkspaceId;

/**
 * Email-first SSO across protocols: the workspace that verified the email's domain and has SSO enabled, then its IdP
 * over SAML (an AuthnRequest) or OpenID Connect (an authorization code request).
 */
public interface StartSsoLoginUseCase {

    /**
     * @param redirect an already validated redirect target, or null
     * @param browserSecret the secret this browser already holds from an OpenID Connect sign-in in progress, or null
     */
    StartOutcome startLogin(String email, String client, String state, String redirect, ClientInfo caller, String browserSecret);

    /** A sign-in at the IdP of one workspace, named rather than found by email: a workspace admin's "test sign-in". */
    StartOutcome startForWorkspace(WorkspaceId workspace, String redirect, ClientInfo caller, String browserSecret);

    sealed interface StartOutcome permits SendToSso, SsoRefused, SsoThrottled {
    }

    /**
     * The IdP's URL. {@code browserSecret} is set for an OpenID Connect sign-in: it goes into the flow cookie, binding
     * the sign-in to this browser; a SAML sign-in is bound by its RelayState and InResponseTo instead.
     */
    record SendToSso(String url, String browserSecret) implements StartOutcome {
        @Override
        public String toString() {
            return "SendToSso[url=" + url + ", browserSecret=redacted]";
        }
    }
}
