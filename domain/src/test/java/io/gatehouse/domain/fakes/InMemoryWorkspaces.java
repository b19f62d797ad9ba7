package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Workspaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class InMemoryWorkspaces implements Workspaces, Memberships {

    private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
    private final List<Membership> memberships = new ArrayList<>();

    @Override
    public void insert(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public void insert(Membership membership) {
        memberships.add(membership);
    }

    @Override
    public List<WorkspaceRole> workspacesOf(UserId userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId))
                .map(m -> new WorkspaceRole(workspaces.get(m.workspaceId()), m.role())).toList();
    }

    @Override
    public java.util.Optional<io.gatehouse.domain.model.Role> roleOf(WorkspaceId workspaceId, UserId userId) {
        return memberships.stream().filter(m -> m.workspaceId().equals(workspaceId) && m.userId().equals(userId))
                .map(Membership::role).findFirst();
    }

    public int workspaceCount() {
        return workspaces.size();
    }
}
