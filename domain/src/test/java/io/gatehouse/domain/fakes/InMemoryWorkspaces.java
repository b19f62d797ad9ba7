package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.User;
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
import java.util.Optional;

public final class InMemoryWorkspaces implements Workspaces, Memberships {

    private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final InMemoryUsers users;

    public InMemoryWorkspaces(InMemoryUsers users) {
        this.users = users;
    }

    @Override
    public void insert(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    @Override
    public void lockForUpdate(WorkspaceId id) {
        // Single-threaded tests: nothing to lock against.
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
    public Optional<Role> roleOf(WorkspaceId workspaceId, UserId userId) {
        return find(workspaceId, userId).map(Membership::role);
    }

    @Override
    public List<Member> members(WorkspaceId workspaceId) {
        return memberships.stream().filter(m -> m.workspaceId().equals(workspaceId))
                .map(m -> {
                    User user = users.findById(m.userId()).orElseThrow();
                    return new Member(user.id(), user.email(), user.fullName(), m.role(), m.joinedAt());
                }).toList();
    }

    @Override
    public boolean updateRole(WorkspaceId workspaceId, UserId userId, Role role) {
        Optional<Membership> current = find(workspaceId, userId);
        current.ifPresent(m -> memberships.set(memberships.indexOf(m), new Membership(workspaceId, userId, role, m.joinedAt())));
        return current.isPresent();
    }

    @Override
    public boolean delete(WorkspaceId workspaceId, UserId userId) {
        return find(workspaceId, userId).map(memberships::remove).orElse(false);
    }

    @Override
    public int countOwners(WorkspaceId workspaceId) {
        return (int) memberships.stream().filter(m -> m.workspaceId().equals(workspaceId) && m.role() == Role.OWNER).count();
    }

    public int workspaceCount() {
        return workspaces.size();
    }

    private Optional<Membership> find(WorkspaceId workspaceId, UserId userId) {
        return memberships.stream().filter(m -> m.workspaceId().equals(workspaceId) && m.userId().equals(userId)).findFirst();
    }
}
