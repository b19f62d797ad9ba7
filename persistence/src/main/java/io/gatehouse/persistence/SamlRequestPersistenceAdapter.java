package io.gatehouse.persistence;

import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Singleton
class SamlRequestPersistenceAdapter implements PendingSamlRequests {

    private final SamlRequestRepository repository;

    SamlRequestPersistenceAdapter(SamlRequestRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(PendingSamlRequest r) {
        repository.insert(r.requestId(), r.workspaceId().value(), r.relayState(),
                r.linkingUser() == null ? null : r.linkingUser().value(), r.client(), r.state(), r.redirect(), r.createdAt(),
                r.expiresAt());
    }

    /**
     * Read, then delete by key: when two nodes take the same id at once, the second DELETE waits for
     * the first's row lock and then deletes nothing, so only one of them gets the request.
     */
    @Override
    public Optional<PendingSamlRequest> take(WorkspaceId workspace, String requestId) {
        Optional<SamlRequestRow> row = repository.find(requestId, workspace.value());
        if (row.isEmpty() || repository.delete(requestId, workspace.value()) != 1) {
            return Optional.empty();
        }
        SamlRequestRow r = row.get();
        return Optional.of(new PendingSamlRequest(r.requestId(), new WorkspaceId(r.workspaceId()), r.relayState(),
                r.linkingUserId() == null ? null : new UserId(r.linkingUserId()), r.client(), r.state(), r.redirect(),
                r.createdAt(), r.expiresAt()));
    }

    @Override
    public int countOutstanding(WorkspaceId workspace, Instant now, int cap) {
        return repository.countOutstanding(workspace.value(), now, cap);
    }

    @Override
    public Optional<Instant> firstExpiry(WorkspaceId workspace, Instant now) {
        return repository.firstExpiry(workspace.value(), now);
    }

    @Override
    public int purgeExpired(Instant now) {
        return repository.purge(now);
    }

    @MappedEntity("saml_requests")
    record SamlRequestRow(@Id String requestId, UUID workspaceId, String relayState, @Nullable UUID linkingUserId,
                          @Nullable String client, @Nullable String state, @Nullable String redirect, Instant createdAt,
                          Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SamlRequestRepository extends GenericRepository<SamlRequestRow, String> {

        @Query("""
                INSERT INTO saml_requests (request_id, workspace_id, relay_state, linking_user_id, client, state, redirect, created_at,
                                           expires_at)
                VALUES (:requestId, :workspaceId, :relayState, :linkingUserId, :client, :state, :redirect, :createdAt, :expiresAt)""")
        int insert(String requestId, UUID workspaceId, String relayState, @Nullable UUID linkingUserId, @Nullable String client,
                   @Nullable String state, @Nullable String redirect, Instant createdAt, Instant expiresAt);

        /** Reads at most {@code cap} index entries, however many rows an attacker made. */
        @Query("""
                SELECT COUNT(*) FROM (SELECT 1 FROM saml_requests WHERE workspace_id = :workspaceId AND expires_at > :now
                LIMIT :cap) outstanding""")
        int countOutstanding(UUID workspaceId, Instant now, int cap);

        @Query("SELECT MIN(expires_at) FROM saml_requests WHERE workspace_id = :workspaceId AND expires_at > :now")
        Optional<Instant> firstExpiry(UUID workspaceId, Instant now);

        @Query("SELECT * FROM saml_requests WHERE request_id = :requestId AND workspace_id = :workspaceId")
        Optional<SamlRequestRow> find(String requestId, UUID workspaceId);

        @Query("DELETE FROM saml_requests WHERE request_id = :requestId AND workspace_id = :workspaceId")
        int delete(String requestId, UUID workspaceId);

        @Query("DELETE FROM saml_requests WHERE expires_at < :now")
        int purge(Instant now);
    }
}
