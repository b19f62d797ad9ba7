package io.gatehouse.domain.model;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * An API token: personal ({@code workspaceId} null, valid for everything its issuer may do) or
 * scoped to one workspace. {@code version} increments on every change, for optimistic concurrency.
 * {@code tokenPrefix} is the non-secret start of the token, shown so people can tell tokens apart.
 */
public record ApiToken(
        ApiTokenId id,
        UserId issuer,
        WorkspaceId workspaceId,
        String note,
        String tokenPrefix,
        TokenHash tokenHash,
        boolean isDefault,
        boolean enabled,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        Instant lastUsedAt) {

    public static final String PREFIX = "gh_at_";
    public static final int MAX_NOTE_LENGTH = 200;
    /** How stale {@code last_used_at} may get before a use writes it (coarse on purpose: no write storm). */
    public static final java.time.Duration LAST_USED_GRANULARITY = java.time.Duration.ofMinutes(1);

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(tokenPrefix, "tokenPrefix");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isUsableAt(Instant now) {
        return enabled && (expiresAt == null || now.isBefore(expiresAt));
    }
}
