package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.Workspace;

/** Every workspace (tenant). */
public interface Workspaces {

    void insert(Workspace workspace);
}
