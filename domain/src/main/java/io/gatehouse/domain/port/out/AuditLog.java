package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.AuditEvent;

/** The workspaces' audit trail (append-only). */
public interface AuditLog {

    void record(AuditEvent event);
}
