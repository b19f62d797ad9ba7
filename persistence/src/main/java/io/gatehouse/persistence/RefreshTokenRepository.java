package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends GenericRepository<RefreshTokenRow, String> {

    RefreshTokenRow save(RefreshTokenRow row);

    Optional<RefreshTokenRow> findById(String tokenHash);

    /** The single-use gate: of concurrent callers, exactly one sees 1. */
    @Query("UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now")
    int markUsed(String tokenHash, Instant now);

    @Query("DELETE FROM refresh_tokens WHERE expires_at < :before")
    int purgeExpiredBefore(Instant before);
}
