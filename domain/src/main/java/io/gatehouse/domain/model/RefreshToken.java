package io.gatehouse.domain.model;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;
import java.util.Objects;

/** A single-use refresh token of a token family (session); only its hash is stored. */
public record RefreshToken(TokenHash tokenHash, SessionId sessionId, UserId userId, Instant issuedAt, Instant expiresAt) {
    public RefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
