package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An AuthnRequest Gatehouse sent and has not yet seen answered. A response's InResponseTo must name
 * one of these, of the same workspace, not expired, and it is consumed on first use (SAML profiles
 * 4.1.4.3: the SP must be able to correlate the response to its request). It also carries what the
 * login was started with, so that the RelayState can stay an opaque reference.
 *
 * @param relayState the opaque reference sent as RelayState (never the redirect itself)
 * @param linkingUser when set, a logged-in user asked to link this IdP identity to their account
 * @param createdAt when the AuthnRequest was sent: no response to it can have been issued earlier
 */
public record PendingSamlRequest(String requestId, WorkspaceId workspaceId, String relayState, UserId linkingUser,
                                 String client, String state, String redirect, Instant createdAt, Instant expiresAt) {

    public PendingSamlRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isLink() {
        return linkingUser != null;
    }
}
