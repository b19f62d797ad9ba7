package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.in.WorkspaceUseCase;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Workspaces and membership rules: owners and admins manage members; only an owner may grant,
 * change or take away the owner role; the last owner can be neither demoted nor removed (checked
 * under a lock on the workspace row, so two owners demoting each other at once cannot both win).
 * Every change is written to the audit log in the same transaction.
 */
public final class WorkspaceService implements WorkspaceUseCase {

    private final Workspaces workspaces;
    private final Memberships memberships;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public WorkspaceService(Workspaces workspaces, Memberships memberships, AuditLog audit,
                            Transactions transactions, Clock clock) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Workspace create(UserId caller, String name) {
        Instant now = clock.instant();
        Workspace workspace = new Workspace(WorkspaceId.random(), name.strip(), now);
        transactions.inTransaction(() -> {
            workspaces.insert(workspace);
            memberships.insert(new Membership(workspace.id(), caller, Role.OWNER, now));
            audit.record(new AuditEvent(workspace.id(), caller, "workspace.created", workspace.id().toString(), "name=" + workspace.name(), now));
        });
        return workspace;
    }

    @Override
    public List<WorkspaceRole> listMine(UserId caller) {
        return memberships.workspacesOf(caller);
    }

    @Override
    public Optional<WorkspaceRole> get(UserId caller, WorkspaceId workspace) {
        return memberships.roleOf(workspace, caller)
                .flatMap(role -> workspaces.findById(workspace).map(found -> new WorkspaceRole(found, role)));
    }

    @Override
    public Optional<List<Member>> members(UserId caller, WorkspaceId workspace) {
        return memberships.roleOf(workspace, caller).map(role -> memberships.members(workspace));
    }

    @Override
    public MemberOutcome changeRole(UserId caller, WorkspaceId workspace, UserId member, Role role) {
        return transactions.inTransaction(() -> withRoles(caller, workspace, member, (callerRole, current) -> {
            boolean touchesOwnership = role == Role.OWNER || current == Role.OWNER;
            if (!callerRole.isWorkspaceAdmin() || (touchesOwnership && callerRole != Role.OWNER)) {
                return forbidden(touchesOwnership ? "only owners may grant or take away the owner role"
                        : "only workspace admins may change roles");
            }
            if (current == Role.OWNER && role != Role.OWNER && memberships.countOwners(workspace) <= 1) {
                return new MemberRejected(ErrorCode.LAST_OWNER, "a workspace keeps at least one owner; make another member owner first");
            }
            memberships.updateRole(workspace, member, role);
            audit.record(new AuditEvent(workspace, caller, "member.role_changed", member.toString(),
                    current.wireName() + " -> " + role.wireName(), clock.instant()));
            return new MemberChanged(memberships.members(workspace).stream()
                    .filter(m -> m.userId().equals(member)).findFirst().orElseThrow());
        }));
    }

    @Override
    public MemberOutcome removeMember(UserId caller, WorkspaceId workspace, UserId member) {
        return transactions.inTransaction(() -> withRoles(caller, workspace, member, (callerRole, current) -> {
            boolean self = caller.equals(member);
            boolean allowed = self || (callerRole.isWorkspaceAdmin() && (current != Role.OWNER || callerRole == Role.OWNER));
            if (!allowed) {
                return forbidden("only workspace admins may remove others, and only owners may remove owners");
            }
            if (current == Role.OWNER && memberships.countOwners(workspace) <= 1) {
                return new MemberRejected(ErrorCode.LAST_OWNER, "the last owner cannot leave; make another member owner first");
            }
            memberships.delete(workspace, member);
            audit.record(new AuditEvent(workspace, caller, "member.removed", member.toString(),
                    "was " + current.wireName(), clock.instant()));
            return new MemberChanged(null);
        }));
    }

    /**
     * Locks the workspace, then hands the caller's role and the member's current role to the
     * change; a caller outside the workspace, or a member who is not one, ends the request first.
     */
    private MemberOutcome withRoles(UserId caller, WorkspaceId workspace, UserId member,
                                    BiFunction<Role, Role, MemberOutcome> change) {
        Optional<Role> callerRole = lockAndRoleOf(caller, workspace);
        if (callerRole.isEmpty()) {
            return notFound();
        }
        Optional<Role> current = memberships.roleOf(workspace, member);
        if (current.isEmpty()) {
            return new MemberRejected(ErrorCode.NOT_FOUND, "no such member");
        }
        return change.apply(callerRole.get(), current.get());
    }

    /** Lock first, then read: the roles checked are the ones that hold until the change commits. */
    private Optional<Role> lockAndRoleOf(UserId caller, WorkspaceId workspace) {
        workspaces.lockForUpdate(workspace);
        return memberships.roleOf(workspace, caller);
    }

    private static MemberOutcome notFound() {
        return new MemberRejected(ErrorCode.NOT_FOUND, "no such workspace");
    }

    private static MemberOutcome forbidden(String detail) {
        return new MemberRejected(ErrorCode.FORBIDDEN, detail);
    }
}
