package io.gatehouse.persistence;

import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

@Singleton
class AssertionReplayCachePersistenceAdapter implements AssertionReplayCache {

    private final AssertionIdRepository repository;

    AssertionReplayCachePersistenceAdapter(AssertionIdRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean firstUse(WorkspaceId workspace, String assertionId, Instant keepUntil) {
        return repository.remember(workspace.value(), assertionId, keepUntil) == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return repository.purge(now);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AssertionIdRepository extends GenericRepository<WorkspaceRow, UUID> {

        /** ON CONFLICT DO NOTHING: a replay is a zero count, not an aborted transaction. */
        @Query("""
                INSERT INTO saml_assertion_ids (workspace_id, assertion_id, keep_until) VALUES (:workspaceId, :assertionId, :keepUntil)
                ON CONFLICT DO NOTHING""")
        int remember(UUID workspaceId, String assertionId, Instant keepUntil);

        @Query("DELETE FROM saml_assertion_ids WHERE keep_until < :now")
        int purge(Instant now);
    }
}
