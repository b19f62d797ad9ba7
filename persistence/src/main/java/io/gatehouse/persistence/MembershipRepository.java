package io.gatehouse.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MembershipRepository extends GenericRepository<WorkspaceRow, UUID> {

    @Query("INSERT INTO memberships (workspace_id, user_id, role, joined_at) VALUES (:workspaceId, :userId, :role, :joinedAt)")
    int insert(UUID workspaceId, UUID userId, String role, Instant joinedAt);

    @Query("""
            SELECT w.id AS id, w.name AS name, w.created_at AS created_at, m.role AS role
            FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
            WHERE m.user_id = :userId
            ORDER BY m.joined_at, w.id""")
    List<WorkspaceRoleRow> findWorkspacesOf(UUID userId);

    @Query("SELECT role FROM memberships WHERE workspace_id = :workspaceId AND user_id = :userId")
    Optional<String> findRole(UUID workspaceId, UUID userId);

    @Query("""
            SELECT u.id AS user_id, u.email AS email, u.full_name AS full_name, m.role AS role, m.joined_at AS joined_at
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.workspace_id = :workspaceId
            ORDER BY m.joined_at, u.id""")
    List<MemberRow> findMembers(UUID workspaceId);

    @Query("UPDATE memberships SET role = :role WHERE workspace_id = :workspaceId AND user_id = :userId")
    int updateRole(UUID workspaceId, UUID userId, String role);

    @Query("DELETE FROM memberships WHERE workspace_id = :workspaceId AND user_id = :userId")
    int deleteMember(UUID workspaceId, UUID userId);

    @Query("SELECT COUNT(*) FROM memberships WHERE workspace_id = :workspaceId AND role = 'owner'")
    int countOwners(UUID workspaceId);

    @Introspected
    record MemberRow(UUID userId, String email, @io.micronaut.core.annotation.Nullable String fullName, String role, Instant joinedAt) {
    }

    @Introspected
    record WorkspaceRoleRow(UUID id, String name, Instant createdAt, String role) {
    }
}
