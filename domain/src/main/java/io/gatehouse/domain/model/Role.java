package io.gatehouse.domain.model;

/** A member's role in a workspace. Owners and admins are the "workspace admins". */
public enum Role implements WireNamed {
    OWNER,
    ADMIN,
    MEMBER;

    public boolean isWorkspaceAdmin() {
        return this == OWNER || this == ADMIN;
    }
}
