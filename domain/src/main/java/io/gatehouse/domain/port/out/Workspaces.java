package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.Optional;

/** Every workspace (tenant). */
public interface Workspaces {

    void insert(Workspace workspace);

    Optional<Workspace> findById(WorkspaceId id);

    /**
     * Locks the workspace row until the surrounding transaction ends, so that checks such as
     * "is this the last owner" and the change they guard cannot interleave with another node's.
     */
    void lockForUpdate(WorkspaceId id);
}
