package io.gatehouse.domain.model;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * The stored half of a link sent by mail: the SHA-256 of its single-use token, whose account it acts
 * on, for what, and until when.
 */
public record EmailToken(TokenHash hash, UserId userId, Purpose purpose, Instant createdAt, Instant expiresAt) {

    public EmailToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public enum Purpose implements WireNamed {
        EMAIL_VERIFICATION,
        PASSWORD_RESET
    }
}
