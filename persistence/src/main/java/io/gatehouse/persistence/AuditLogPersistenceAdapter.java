package io.gatehouse.persistence;

import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.port.out.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

@Singleton
class AuditLogPersistenceAdapter implements AuditLog {

    private final AuditEventRepository repository;

    AuditLogPersistenceAdapter(AuditEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(AuditEvent event) {
        repository.insert(event.workspaceId().value(), event.actor().value(), event.action(), event.target(), event.detail(),
                event.at());
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AuditEventRepository extends GenericRepository<WorkspaceRow, Long> {

        @Query("""
                INSERT INTO audit_events (workspace_id, actor_user_id, action, target, detail, at)
                VALUES (:workspaceId, :actor, :action, :target, :detail, :at)""")
        int insert(UUID workspaceId, UUID actor, String action, @Nullable String target, @Nullable String detail, Instant at);
    }
}
