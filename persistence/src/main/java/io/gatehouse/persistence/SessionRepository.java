package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SessionRepository extends GenericRepository<SessionRow, UUID> {

    SessionRow save(SessionRow row);

    Optional<SessionRow> findByTokenHashAndRevokedAtIsNull(String tokenHash);

    @Query("""
            SELECT s.* FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = :id AND s.revoked_at IS NULL AND u.status = 'active'""")
    Optional<SessionRow> findUnrevokedOfActiveUser(UUID id);

    @Query("""
            SELECT * FROM sessions
            WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
            ORDER BY created_at DESC, id""")
    List<SessionRow> findUnrevoked(UUID userId, Instant now);

    /** Moves last_seen_at forward only, so concurrent touches never move it back. */
    @Query("UPDATE sessions SET last_seen_at = :at WHERE id = :id AND revoked_at IS NULL AND last_seen_at < :at")
    int touch(UUID id, Instant at);

    @Query("UPDATE sessions SET revoked_at = :at WHERE id = :id AND user_id = :userId AND revoked_at IS NULL")
    int revoke(UUID userId, UUID id, Instant at);

    @Query("UPDATE sessions SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAll(UUID userId, Instant at);

    @Query("UPDATE sessions SET revoked_at = :at WHERE user_id = :userId AND id <> :keep AND revoked_at IS NULL")
    int revokeAllExcept(UUID userId, UUID keep, Instant at);

    @Query("DELETE FROM sessions WHERE expires_at < :before OR revoked_at < :before")
    int purgeEndedBefore(Instant before);
}
