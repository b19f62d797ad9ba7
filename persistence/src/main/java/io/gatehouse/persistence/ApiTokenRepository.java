package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiTokenRepository extends GenericRepository<ApiTokenRow, UUID> {

    ApiTokenRow save(ApiTokenRow row);

    Optional<ApiTokenRow> findByTokenHash(String tokenHash);

    Optional<ApiTokenRow> findByIdAndUserId(UUID id, UUID userId);

    @Query("SELECT * FROM api_tokens WHERE user_id = :userId ORDER BY created_at DESC, id")
    List<ApiTokenRow> findByIssuer(UUID userId);

    @Query("SELECT * FROM api_tokens WHERE workspace_id = :workspaceId ORDER BY created_at DESC, id")
    List<ApiTokenRow> findByWorkspace(UUID workspaceId);

    @Query("SELECT * FROM api_tokens WHERE workspace_id = :workspaceId AND user_id = :userId ORDER BY created_at DESC, id")
    List<ApiTokenRow> findByWorkspaceAndIssuer(UUID workspaceId, UUID userId);

    @Query("""
            UPDATE api_tokens SET note = :note, enabled = :enabled, version = version + 1, updated_at = :at
            WHERE id = :id AND user_id = :userId AND version = :expectedVersion""")
    int update(UUID id, UUID userId, @Nullable String note, boolean enabled, int expectedVersion, Instant at);

    @Query("DELETE FROM api_tokens WHERE id = :id AND user_id = :userId")
    int delete(UUID id, UUID userId);

    @Query("DELETE FROM api_tokens WHERE workspace_id = :workspaceId AND id IN (:ids)")
    int deleteInWorkspace(UUID workspaceId, Collection<UUID> ids);

    @Query("DELETE FROM api_tokens WHERE workspace_id = :workspaceId AND user_id = :userId AND id IN (:ids)")
    int deleteInWorkspaceByIssuer(UUID workspaceId, UUID userId, Collection<UUID> ids);

    @Query("DELETE FROM api_tokens WHERE user_id = :userId AND is_default = TRUE")
    int deleteDefault(UUID userId);

    @Query("UPDATE api_tokens SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :staleBefore)")
    int recordUse(UUID id, Instant at, Instant staleBefore);

    @Query("UPDATE api_tokens SET enabled = FALSE, version = version + 1, updated_at = :at WHERE user_id = :userId AND enabled = TRUE")
    int disableAll(UUID userId, Instant at);
}
