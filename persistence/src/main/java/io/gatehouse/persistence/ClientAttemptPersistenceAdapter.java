package io.gatehouse.persistence;

import io.gatehouse.domain.port.out.ClientAttempts;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

@Singleton
class ClientAttemptPersistenceAdapter implements ClientAttempts {

    private final ClientAttemptRepository repository;

    ClientAttemptPersistenceAdapter(ClientAttemptRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(String action, String key, Instant at) {
        repository.insert(action, key, at);
    }

    @Override
    public List<Instant> newest(String action, String key, Instant since, int limit) {
        return repository.newest(action, key, since, limit);
    }

    @Override
    public int purgeOlderThan(String action, Instant before) {
        return repository.purgeOlderThan(action, before);
    }

    @MappedEntity("client_attempts")
    record ClientAttemptRow(@Id @GeneratedValue Long id, String action, String attemptKey, Instant at) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface ClientAttemptRepository extends GenericRepository<ClientAttemptRow, Long> {

        @Query("INSERT INTO client_attempts (action, attempt_key, at) VALUES (:action, :key, :at)")
        int insert(String action, String key, Instant at);

        @Query("""
                SELECT at FROM client_attempts
                WHERE action = :action AND attempt_key = :key AND at > :since
                ORDER BY at DESC LIMIT :limit""")
        List<Instant> newest(String action, String key, Instant since, int limit);

        @Query("DELETE FROM client_attempts WHERE action = :action AND at < :before")
        int purgeOlderThan(String action, Instant before);
    }
}
