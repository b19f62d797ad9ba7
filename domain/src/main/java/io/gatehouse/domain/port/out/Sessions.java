package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Browser sessions, kept in the database so every node agrees on which are alive. Revoked
 * sessions are never returned by any finder.
 */
public interface Sessions {

    void insert(Session session);

    Optional<Session> findUnrevokedByTokenHash(TokenHash tokenHash);

    /** The unrevoked session when its user is active, in one lookup (the per-request check of a JWT's family). */
    Optional<Session> findUnrevokedOfActiveUser(SessionId id);

    /**
     * As {@link #findUnrevokedOfActiveUser}, for the read every request carrying an access token makes: an
     * adapter may answer from memory, provided every revocation of the user's sessions and every change of
     * the user reaches that memory on every node (a bound of milliseconds). Never the basis of a write.
     */
    default Optional<Session> findLiveFamily(SessionId id) {
        return findUnrevokedOfActiveUser(id);
    }

    /** Unrevoked sessions of the user whose absolute lifetime has not ended, newest first. */
    List<Session> listUnrevoked(UserId userId, Instant now);

    /** Records activity; a no-op for a revoked session. */
    void touch(SessionId id, Instant at);

    /** Revokes one session of this user; a session of another user is left untouched. */
    boolean revoke(UserId owner, SessionId id, Instant at);

    int revokeAll(UserId owner, Instant at);

    int revokeAllExcept(UserId owner, SessionId keep, Instant at);

    /** Removes rows that can never be used again (expired, or revoked before {@code before}). */
    int purgeEndedBefore(Instant before);
}
