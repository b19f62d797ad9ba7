package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SigningKeyRepository extends GenericRepository<SigningKeyRow, String> {

    SigningKeyRow save(SigningKeyRow row);

    @Query("SELECT * FROM signing_keys ORDER BY created_at DESC, kid")
    List<SigningKeyRow> findAllNewestFirst();

    @Query("UPDATE signing_keys SET retired_at = :at WHERE kid <> :current AND retired_at IS NULL")
    int retireAllExcept(String current, Instant at);

    @Query("DELETE FROM signing_keys WHERE retired_at < :before")
    int deleteRetiredBefore(Instant before);
}
