package io.gatehouse.persistence;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.Invitations;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class InvitationPersistenceAdapter implements Invitations {

    private final InvitationRepository repository;

    InvitationPersistenceAdapter(InvitationRepository repository) {
        this.repository = repository;
    }

    /**
     * Delete the open invitation for the address, then insert: a re-invitation is a new invitation (new id,
     * new expiry), and the unique key keeps one per workspace and address even when two admins race.
     */
    @Override
    public Invitation upsert(Invitation i) {
        repository.deleteFor(i.workspaceId().value(), i.email().value());
        repository.insert(i.id(), i.workspaceId().value(), i.email().value(), i.role().wireName(), i.invitedBy().value(), i.createdAt(),
                i.expiresAt());
        return i;
    }

    @Override
    public List<Invitation> ofWorkspace(WorkspaceId workspace) {
        return repository.ofWorkspace(workspace.value()).stream().map(InvitationPersistenceAdapter::toInvitation).toList();
    }

    @Override
    public List<Invitation.Addressed> addressedTo(Email email, Instant now) {
        return repository.addressedTo(email.value(), now).stream().map(row -> new Invitation.Addressed(
                new Invitation(row.id(), new WorkspaceId(row.workspaceId()), new Email(row.email()),
                        WireNamed.parse(Role.class, row.role()).orElseThrow(), new UserId(row.invitedBy()), row.createdAt(), row.expiresAt()),
                new Workspace(new WorkspaceId(row.workspaceId()), row.workspaceName(), row.workspaceCreatedAt()),
                new Email(row.inviterEmail()))).toList();
    }

    @Override
    public Optional<Invitation> find(UUID id) {
        return repository.find(id).map(InvitationPersistenceAdapter::toInvitation);
    }

    @Override
    public boolean delete(WorkspaceId workspace, UUID id) {
        return repository.delete(workspace.value(), id) == 1;
    }

    @Override
    public boolean take(UUID id) {
        return repository.take(id) == 1;
    }

    @Override
    public int purgeExpiredBefore(Instant cutoff) {
        return repository.purge(cutoff);
    }

    private static Invitation toInvitation(InvitationRow row) {
        return new Invitation(row.id(), new WorkspaceId(row.workspaceId()), new Email(row.email()),
                WireNamed.parse(Role.class, row.role()).orElseThrow(), new UserId(row.invitedBy()), row.createdAt(), row.expiresAt());
    }

    @MappedEntity("invitations")
    record InvitationRow(@Id UUID id, UUID workspaceId, String email, String role, UUID invitedBy, Instant createdAt, Instant expiresAt) {
    }

    @Introspected
    record AddressedRow(UUID id, UUID workspaceId, String email, String role, UUID invitedBy, Instant createdAt, Instant expiresAt,
                        String workspaceName, Instant workspaceCreatedAt, String inviterEmail) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface InvitationRepository extends GenericRepository<InvitationRow, UUID> {

        @Query("""
                INSERT INTO invitations (id, workspace_id, email, role, invited_by, created_at, expires_at)
                VALUES (:id, :workspaceId, :email, :role, :invitedBy, :createdAt, :expiresAt)""")
        int insert(UUID id, UUID workspaceId, String email, String role, UUID invitedBy, Instant createdAt, Instant expiresAt);

        @Query("DELETE FROM invitations WHERE workspace_id = :workspaceId AND email = :email")
        int deleteFor(UUID workspaceId, String email);

        @Query("SELECT * FROM invitations WHERE workspace_id = :workspaceId ORDER BY created_at, id")
        List<InvitationRow> ofWorkspace(UUID workspaceId);

        @Query(value = """
                SELECT i.id, i.workspace_id, i.email, i.role, i.invited_by, i.created_at, i.expires_at,
                       w.name AS workspace_name, w.created_at AS workspace_created_at, u.email AS inviter_email
                FROM invitations i JOIN workspaces w ON w.id = i.workspace_id JOIN users u ON u.id = i.invited_by
                WHERE i.email = :email AND i.expires_at > :now
                ORDER BY i.created_at, i.id""", readOnly = true)
        List<AddressedRow> addressedTo(String email, Instant now);

        @Query("SELECT * FROM invitations WHERE id = :id")
        Optional<InvitationRow> find(UUID id);

        @Query("DELETE FROM invitations WHERE workspace_id = :workspaceId AND id = :id")
        int delete(UUID workspaceId, UUID id);

        @Query("DELETE FROM invitations WHERE id = :id")
        int take(UUID id);

        @Query("DELETE FROM invitations WHERE expires_at < :cutoff")
        int purge(Instant cutoff);
    }
}
