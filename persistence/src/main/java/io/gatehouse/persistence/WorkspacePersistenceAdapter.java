package io.gatehouse.persistence;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Workspaces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class WorkspacePersistenceAdapter implements Workspaces, Memberships {

    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final IdentityChanges changes;

    WorkspacePersistenceAdapter(WorkspaceRepository workspaces, MembershipRepository memberships, IdentityChanges changes) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.changes = changes;
    }

    @Override
    public void insert(Workspace workspace) {
        workspaces.save(new WorkspaceRow(workspace.id().value(), workspace.name(), workspace.createdAt()));
    }

    @Override
    public void insert(Membership membership) {
        memberships.insert(membership.workspaceId().value(), membership.userId().value(),
                membership.role().wireName(), membership.joinedAt());
        changes.userChanged(membership.userId().value());
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return workspaces.findById(id.value()).map(row -> new Workspace(new WorkspaceId(row.id()), row.name(), row.createdAt()));
    }

    @Override
    public void lockForUpdate(WorkspaceId id) {
        workspaces.lockForUpdate(id.value());
    }

    @Override
    public List<Member> members(WorkspaceId workspaceId) {
        return memberships.findMembers(workspaceId.value()).stream()
                .map(row -> new Member(new UserId(row.userId()), new Email(row.email()), row.fullName(),
                        WireNamed.parse(Role.class, row.role()).orElseThrow(), row.joinedAt()))
                .toList();
    }

    @Override
    public boolean updateRole(WorkspaceId workspaceId, UserId userId, Role role) {
        return changed(userId, memberships.updateRole(workspaceId.value(), userId.value(), role.wireName()) == 1);
    }

    @Override
    public boolean delete(WorkspaceId workspaceId, UserId userId) {
        return changed(userId, memberships.deleteMember(workspaceId.value(), userId.value()) == 1);
    }

    /** A member's profile (GET /me) lists their workspaces and roles. */
    private boolean changed(UserId userId, boolean changed) {
        if (changed) {
            changes.userChanged(userId.value());
        }
        return changed;
    }

    @Override
    public int countOwners(WorkspaceId workspaceId) {
        return memberships.countOwners(workspaceId.value());
    }

    @Override
    public Optional<Role> roleOf(WorkspaceId workspaceId, UserId userId) {
        return memberships.findRole(workspaceId.value(), userId.value()).flatMap(role -> WireNamed.parse(Role.class, role));
    }

    @Override
    public List<WorkspaceRole> workspacesOf(UserId userId) {
        return memberships.findWorkspacesOf(userId.value()).stream()
                .map(row -> toWorkspaceRole(row.id(), row.name(), row.createdAt(), row.role()))
                .toList();
    }

    /** A workspace and the member's role in it, from the columns of a memberships-workspaces join. */
    static WorkspaceRole toWorkspaceRole(UUID workspaceId, String name, Instant createdAt, String role) {
        return new WorkspaceRole(new Workspace(new WorkspaceId(workspaceId), name, createdAt), WireNamed.parse(Role.class, role).orElseThrow());
    }
}
