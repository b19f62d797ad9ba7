package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.port.out.AuditLog;
import java.util.ArrayList;
import java.util.List;

public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }
}
