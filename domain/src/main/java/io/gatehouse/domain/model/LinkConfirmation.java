package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified federated identity waiting for its existing account to confirm the link with a password.
 * Only the code's hash is stored; the code is single use and short lived.
 *
 * @param providerName the provider of the identity: {@code saml:{wid}}, or an instance provider's name
 * @param workspaceId the workspace whose IdP asserted the identity (a SAML login), or null for an instance provider
 */
public record LinkConfirmation(SecretToken.TokenHash codeHash, UserId userId, String providerName, WorkspaceId workspaceId,
                               String externalId, String email, String fullName, Instant expiresAt) {

    public LinkConfirmation {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
