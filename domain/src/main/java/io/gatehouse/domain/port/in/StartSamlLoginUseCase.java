package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;

/** Starts an SP-initiated SAML login or account link: an AuthnRequest to the workspace's IdP. */
public interface StartSamlLoginUseCase {

    /**
     * Finds the workspace whose SSO claims the email's domain and sends the browser to its IdP.
     *
     * @param redirect an already validated redirect target, or null
     * @param caller where the request came from: starts are limited per client IP
     */
    StartOutcome startLogin(String email, String client, String state, String redirect, ClientInfo caller);

    /** As {@link #startLogin}, but a successful answer links the IdP identity to {@code user} instead of logging in. */
    StartOutcome startLink(UserId user, String providerName, String redirect);

    /**
     * An SP-initiated login at the IdP of one workspace, named rather than found by email: a workspace admin's
     * "test sign-in". Grants nothing {@link #startLogin} would not (anyone can start a login for any workspace
     * with an address of its domain); limited per client IP like it.
     */
    StartOutcome startForWorkspace(WorkspaceId workspace, String redirect, ClientInfo caller);

    sealed interface StartOutcome permits SendToIdp, SsoRefused, SsoThrottled {
    }

    /** The IdP URL carrying the AuthnRequest and the RelayState. */
    record SendToIdp(String url) implements StartOutcome {
    }
}
