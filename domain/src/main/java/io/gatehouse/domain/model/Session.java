package io.gatehouse.domain.model;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A login: a browser session, whose cookie carries a {@link SecretToken} of which only the hash is
 * stored, or a token family (JWT grant, developer sign-in) with no cookie, whose {@code tokenHash}
 * is null and whose id is the {@code sid} of every token issued from it.
 * A session ends at {@code expiresAt} (absolute lifetime) or after the idle timeout measured from
 * {@code lastSeenAt}, whichever comes first (OWASP Session Management: both timeouts).
 */
public record Session(
        SessionId id,
        UserId userId,
        TokenHash tokenHash,
        AuthMethod authMethod,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        String ip,
        String userAgent) {

    public static final int MAX_USER_AGENT_LENGTH = 512;

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT_LENGTH) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT_LENGTH);
        }
    }

    public Session touchedAt(Instant at) {
        return new Session(id, userId, tokenHash, authMethod, createdAt, at, expiresAt, ip, userAgent);
    }

    /** When this session stops being usable if it sees no further activity. */
    public Instant idleExpiresAt(SessionPolicy policy) {
        Instant idleEnd = lastSeenAt.plus(policy.idleTimeout());
        return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
    }

    public boolean isUsableAt(Instant now, SessionPolicy policy) {
        return now.isBefore(idleExpiresAt(policy));
    }

    /** Whether recording activity now is worth a write (coarse, so requests do not all write). */
    public boolean needsTouchAt(Instant now, SessionPolicy policy) {
        return !now.isBefore(lastSeenAt.plus(policy.touchInterval()));
    }
}
