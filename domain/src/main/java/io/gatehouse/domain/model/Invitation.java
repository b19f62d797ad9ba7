package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin's invitation of an email address into a workspace. Nobody becomes a member without
 * consent: the person who owns the (verified) address accepts it.
 */
public record Invitation(UUID id, WorkspaceId workspaceId, Email email, Role role, UserId invitedBy, Instant createdAt, Instant expiresAt) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** An invitation as its invitee sees it: which workspace, and who invited them. */
    public record Addressed(Invitation invitation, Workspace workspace, Email inviterEmail) {
    }
}
