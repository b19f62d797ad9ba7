package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** The per-workspace log of SSO login attempts. */
public interface SsoEvents {

    void record(SsoEvent event);

    /**
     * Records a failed attempt, or counts it on the newest failure of the workspace with the same code,
     * email and client IP recorded at or after {@code foldSince} (that event then takes this one's time
     * and detail). A script repeating one bad post thus adds one row, not one per post.
     *
     * @return true when the failure was folded into an existing event
     */
    boolean recordFailure(SsoEvent failure, Instant foldSince);

    /** Newest first. */
    List<SsoEvent> recent(WorkspaceId workspace, int limit);

    int purgeOlderThan(Instant cutoff);
}
