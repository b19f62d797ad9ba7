package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import java.util.List;
import java.util.Optional;

/**
 * Workspaces (tenants) and their members. Every operation names the caller and the workspace
 * explicitly; a workspace the caller does not belong to is {@code not_found}, never
 * {@code forbidden}, so membership cannot be probed.
 */
public interface WorkspaceUseCase {

    /** A new workspace with the caller as its owner. */
    Workspace create(UserId caller, String name);

    List<WorkspaceRole> listMine(UserId caller);

    Optional<WorkspaceRole> get(UserId caller, WorkspaceId workspace);

    Optional<List<Member>> members(UserId caller, WorkspaceId workspace);

    MemberOutcome changeRole(UserId caller, WorkspaceId workspace, UserId member, Role role);

    /** Workspace admins may remove anyone (owners only by owners); any member may remove themselves. */
    MemberOutcome removeMember(UserId caller, WorkspaceId workspace, UserId member);

    sealed interface MemberOutcome {
    }

    /** {@code member} is null after a removal. */
    record MemberChanged(Member member) implements MemberOutcome {
    }

    record MemberRejected(ErrorCode code, String detail) implements MemberOutcome {
    }
}
