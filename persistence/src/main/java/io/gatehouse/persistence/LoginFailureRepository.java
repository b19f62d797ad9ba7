package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginFailureRepository extends GenericRepository<SessionRow, Long> {

    @Query("INSERT INTO login_failures (account_key, client_ip, failed_at) VALUES (:accountKey, :clientIp, :at)")
    int insert(String accountKey, String clientIp, Instant at);

    @Query("""
            SELECT failed_at FROM login_failures
            WHERE account_key = :accountKey AND failed_at > :since
            ORDER BY failed_at DESC LIMIT :limit""")
    List<Instant> newestForAccount(String accountKey, Instant since, int limit);

    @Query("""
            SELECT failed_at FROM login_failures
            WHERE client_ip = :clientIp AND failed_at > :since
            ORDER BY failed_at DESC LIMIT :limit""")
    List<Instant> newestForClient(String clientIp, Instant since, int limit);

    @Query("DELETE FROM login_failures WHERE account_key = :accountKey AND client_ip = :clientIp")
    int clear(String accountKey, String clientIp);

    @Query("DELETE FROM login_failures WHERE failed_at < :before")
    int purgeOlderThan(Instant before);
}
