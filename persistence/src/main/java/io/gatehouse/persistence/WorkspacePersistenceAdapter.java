package io.gatehouse.persistence;

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
import java.util.List;
import java.util.Optional;

@Singleton
class WorkspacePersistenceAdapter implements Workspaces, Memberships {

    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;

    WorkspacePersistenceAdapter(WorkspaceRepository workspaces, MembershipRepository memberships) {
        this.workspaces = workspaces;
        this.memberships = memberships;
    }

    @Override
    public void insert(Workspace workspace) {
        workspaces.save(new WorkspaceRow(workspace.id().value(), workspace.name(), workspace.createdAt()));
    }

    @Override
    public void insert(Membership membership) {
        memberships.insert(membership.workspaceId().value(), membership.userId().value(),
                membership.role().wireName(), membership.joinedAt());
    }

    @Override
    public Optional<Role> roleOf(WorkspaceId workspaceId, UserId userId) {
        return memberships.findRole(workspaceId.value(), userId.value()).flatMap(role -> WireNamed.parse(Role.class, role));
    }

    @Override
    public List<WorkspaceRole> workspacesOf(UserId userId) {
        return memberships.findWorkspacesOf(userId.value()).stream()
                .map(row -> new WorkspaceRole(new Workspace(new WorkspaceId(row.id()), row.name(), row.createdAt()),
                        WireNamed.parse(Role.class, row.role()).orElseThrow()))
                .toList();
    }
}
