package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** The per-workspace log of SSO login attempts. */
public interface SsoEvents {

    void record(SsoEvent event);

    /** Newest first. */
    List<SsoEvent> recent(WorkspaceId workspace, int limit);

    int purgeOlderThan(Instant cutoff);
}
