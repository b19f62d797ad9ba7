package io.gatehouse.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends GenericRepository<UserRow, UUID> {

    Optional<UserRow> findById(UUID id);

    Optional<UserRow> findByEmail(String email);

    /** The user's row once per membership (once with empty workspace columns when there is none), for GET /me. */
    @Query("""
            SELECT u.id AS id, u.email AS email, u.full_name AS full_name, u.status AS status, u.password_hash AS password_hash,
                   u.instance_admin AS instance_admin, u.created_at AS created_at, u.last_login_at AS last_login_at,
                   u.email_verified AS email_verified, w.id AS workspace_id, w.name AS workspace_name, w.created_at AS workspace_created_at, m.role AS role
            FROM users u
            LEFT JOIN memberships m ON m.user_id = u.id
            LEFT JOIN workspaces w ON w.id = m.workspace_id
            WHERE u.id = :id
            ORDER BY m.joined_at, w.id""")
    List<UserWithWorkspaceRow> findWithWorkspaces(UUID id);

    @Introspected
    record UserWithWorkspaceRow(UUID id, String email, @Nullable String fullName, String status, @Nullable String passwordHash,
                                boolean instanceAdmin, Instant createdAt, @Nullable Instant lastLoginAt, boolean emailVerified,
                                @Nullable UUID workspaceId, @Nullable String workspaceName, @Nullable Instant workspaceCreatedAt,
                                @Nullable String role) {

        UserRow user() {
            return new UserRow(id, email, fullName, status, passwordHash, instanceAdmin, createdAt, lastLoginAt, emailVerified);
        }
    }

    /** ON CONFLICT DO NOTHING: a taken email is a zero count, not an aborted transaction. */
    @Query("""
            INSERT INTO users (id, email, full_name, status, password_hash, instance_admin, created_at, last_login_at, email_verified)
            VALUES (:id, :email, :fullName, :status, :passwordHash, :instanceAdmin, :createdAt, :lastLoginAt, :emailVerified)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(UUID id, String email, @Nullable String fullName, String status, @Nullable String passwordHash,
                       boolean instanceAdmin, Instant createdAt, @Nullable Instant lastLoginAt, boolean emailVerified);

    @Query("UPDATE users SET email_verified = TRUE WHERE id = :id")
    int markEmailVerified(UUID id);

    @Query("UPDATE users SET password_hash = NULL WHERE id = :id")
    int removePassword(UUID id);

    @Query("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    int updatePasswordHash(UUID id, String passwordHash);

    @Query("UPDATE users SET status = :status WHERE id = :id")
    int updateStatus(UUID id, String status);

    @Query("SELECT id FROM users WHERE id = :id FOR UPDATE")
    Optional<UUID> lockForUpdate(UUID id);

    @Query("UPDATE users SET full_name = :fullName WHERE id = :id")
    int updateFullName(UUID id, @Nullable String fullName);

    @Query("UPDATE users SET last_login_at = :at WHERE id = :id")
    int updateLastLoginAt(UUID id, Instant at);

    @Query("UPDATE users SET instance_admin = :instanceAdmin WHERE id = :id")
    int updateInstanceAdmin(UUID id, boolean instanceAdmin);
}
