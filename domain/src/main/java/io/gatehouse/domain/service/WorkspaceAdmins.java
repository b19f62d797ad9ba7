package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.Memberships;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The rule every workspace-admin-only operation shares: someone outside the workspace learns nothing
 * ({@code not_found}, never {@code forbidden}, so membership cannot be probed); a member who is not an
 * owner or admin is {@code forbidden}.
 */
final class WorkspaceAdmins {

    private final Memberships memberships;

    WorkspaceAdmins(Memberships memberships) {
        this.memberships = memberships;
    }

    /**
     * Runs {@code action} for a workspace admin; otherwise answers with {@code refusal(code, detail)}.
     *
     * @param what what only admins may do, for the forbidden detail ("manage SSO")
     */
    <T> T run(UserId caller, WorkspaceId workspace, String what, BiFunction<ErrorCode, String, T> refusal, Supplier<T> action) {
        Optional<Role> role = memberships.roleOf(workspace, caller);
        if (role.isEmpty()) {
            return refusal.apply(ErrorCode.NOT_FOUND, "no such workspace");
        }
        if (!role.get().isWorkspaceAdmin()) {
            return refusal.apply(ErrorCode.FORBIDDEN, "only workspace admins " + what);
        }
        return action.get();
    }
}
