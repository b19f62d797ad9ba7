package io.gatehouse.persistence;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SsoEvents;
import io.micronaut.core.annotation.Nullable;
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
import java.util.UUID;

@Singleton
class SsoEventPersistenceAdapter implements SsoEvents {

    private final SsoEventRepository repository;

    SsoEventPersistenceAdapter(SsoEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(SsoEvent e) {
        repository.insert(e.workspaceId().value(), e.at(), e.outcome().wireName(), e.code(), e.detail(), e.email(), e.ip(), e.count(),
                e.firstAt());
    }

    /**
     * One UPDATE that counts the failure on the newest identical one, else an INSERT. Two nodes folding
     * the same failure at once may both insert: the log then shows two rows, which loses nothing.
     */
    @Override
    public boolean recordFailure(SsoEvent e, Instant foldSince) {
        if (repository.fold(e.workspaceId().value(), e.outcome().wireName(), e.code(), e.email(), e.ip(), foldSince, e.at(),
                e.detail()) > 0) {
            return true;
        }
        record(e);
        return false;
    }

    @Override
    public List<SsoEvent> recent(WorkspaceId workspace, int limit) {
        return repository.recent(workspace.value(), limit).stream()
                .map(r -> new SsoEvent(new WorkspaceId(r.workspaceId()), r.at(),
                        WireNamed.parse(SsoEvent.Outcome.class, r.outcome()).orElse(SsoEvent.Outcome.FAILURE), r.code(), r.detail(),
                        r.email(), r.ip(), r.attempts(), r.firstAt()))
                .toList();
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return repository.purge(cutoff);
    }

    @MappedEntity("sso_events")
    record SsoEventRow(@Id @GeneratedValue Long id, UUID workspaceId, Instant at, String outcome, String code, String detail,
                       @Nullable String email, @Nullable String ip, int attempts, Instant firstAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SsoEventRepository extends GenericRepository<SsoEventRow, Long> {

        @Query("""
                INSERT INTO sso_events (workspace_id, at, outcome, code, detail, email, ip, attempts, first_at)
                VALUES (:workspaceId, :at, :outcome, :code, :detail, :email, :ip, :attempts, :firstAt)""")
        int insert(UUID workspaceId, Instant at, String outcome, String code, String detail, @Nullable String email,
                   @Nullable String ip, int attempts, Instant firstAt);

        @Query("""
                UPDATE sso_events SET attempts = attempts + 1, at = :at, detail = :detail
                WHERE id = (SELECT id FROM sso_events
                            WHERE workspace_id = :workspaceId AND outcome = :outcome AND code = :code AND at >= :since
                              AND email IS NOT DISTINCT FROM :email AND ip IS NOT DISTINCT FROM :ip
                            ORDER BY at DESC, id DESC LIMIT 1)""")
        int fold(UUID workspaceId, String outcome, String code, @Nullable String email, @Nullable String ip, Instant since, Instant at,
                 String detail);

        @Query("SELECT * FROM sso_events WHERE workspace_id = :workspaceId ORDER BY at DESC, id DESC LIMIT :limit")
        List<SsoEventRow> recent(UUID workspaceId, int limit);

        @Query("DELETE FROM sso_events WHERE at < :cutoff")
        int purge(Instant cutoff);
    }
}
