package io.gatehouse.domain.model;

/** A workspace as seen by one of its members: the workspace and that member's role in it. */
public record WorkspaceRole(Workspace workspace, Role role) {
}
