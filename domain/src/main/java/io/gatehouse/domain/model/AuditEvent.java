package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to a workspace's members or configuration: who did what to whom, and when. Kept for
 * the workspace's audit trail; {@code detail} is human-readable and never holds a secret.
 */
public record AuditEvent(WorkspaceId workspaceId, UserId actor, String action, String target, String detail, Instant at) {

    public static final int MAX_DETAIL_LENGTH = 1000;

    public AuditEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        if (detail != null && detail.length() > MAX_DETAIL_LENGTH) {
            detail = detail.substring(0, MAX_DETAIL_LENGTH);
        }
    }
}
