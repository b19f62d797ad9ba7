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
        repository.insert(e.workspaceId().value(), e.at(), e.outcome().wireName(), e.code(), e.detail(), e.email(), e.ip());
    }

    @Override
    public List<SsoEvent> recent(WorkspaceId workspace, int limit) {
        return repository.recent(workspace.value(), limit).stream()
                .map(r -> new SsoEvent(new WorkspaceId(r.workspaceId()), r.at(),
                        WireNamed.parse(SsoEvent.Outcome.class, r.outcome()).orElse(SsoEvent.Outcome.FAILURE), r.code(), r.detail(),
                        r.email(), r.ip()))
                .toList();
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return repository.purge(cutoff);
    }

    @MappedEntity("sso_events")
    record SsoEventRow(@Id @GeneratedValue Long id, UUID workspaceId, Instant at, String outcome, String code, String detail,
                       @Nullable String email, @Nullable String ip) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SsoEventRepository extends GenericRepository<SsoEventRow, Long> {

        @Query("""
                INSERT INTO sso_events (workspace_id, at, outcome, code, detail, email, ip)
                VALUES (:workspaceId, :at, :outcome, :code, :detail, :email, :ip)""")
        int insert(UUID workspaceId, Instant at, String outcome, String code, String detail, @Nullable String email,
                   @Nullable String ip);

        @Query("SELECT * FROM sso_events WHERE workspace_id = :workspaceId ORDER BY at DESC, id DESC LIMIT :limit")
        List<SsoEventRow> recent(UUID workspaceId, int limit);

        @Query("DELETE FROM sso_events WHERE at < :cutoff")
        int purge(Instant cutoff);
    }
}
