package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceRole;
import java.util.List;
import java.util.Optional;

/**
 * Reads a user together with the workspaces they belong to, in one read: what {@code GET /me}, the
 * most frequent authenticated request, shows.
 */
public interface Profiles {

    /** The user and their workspaces (with their role in each, oldest membership first); empty when there is no such user. */
    Optional<UserWithWorkspaces> findWithWorkspaces(UserId id);

    record UserWithWorkspaces(User user, List<WorkspaceRole> workspaces) {
        public UserWithWorkspaces {
            workspaces = List.copyOf(workspaces);
        }
    }
}
