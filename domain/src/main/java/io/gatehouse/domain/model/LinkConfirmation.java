package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified SSO identity waiting for its existing account to confirm the link with a password.
 * Only the code's hash is stored; the code is single use and short lived.
 */
public record LinkConfirmation(SecretToken.TokenHash codeHash, UserId userId, WorkspaceId workspaceId, String externalId,
                               String email, String fullName, Instant expiresAt) {

    public LinkConfirmation {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
