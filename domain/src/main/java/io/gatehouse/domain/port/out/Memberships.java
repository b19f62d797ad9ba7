package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Who belongs to which workspace, with which role. */
public interface Memberships {

    void insert(Membership membership);

    /** The workspaces a user belongs to, with the user's role in each, oldest membership first. */
    List<WorkspaceRole> workspacesOf(UserId userId);

    /** The user's role in the workspace, or empty when they are not a member. */
    Optional<Role> roleOf(WorkspaceId workspaceId, UserId userId);

    /** Every member of the workspace, oldest membership first. */
    List<Member> members(WorkspaceId workspaceId);

    boolean updateRole(WorkspaceId workspaceId, UserId userId, Role role);

    boolean delete(WorkspaceId workspaceId, UserId userId);

    int countOwners(WorkspaceId workspaceId);
}
