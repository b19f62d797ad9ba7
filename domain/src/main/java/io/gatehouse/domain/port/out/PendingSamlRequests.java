package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** AuthnRequests awaiting their response, in the database so that any node can take the answer. */
public interface PendingSamlRequests {

    void insert(PendingSamlRequest request);

    /** Removes and returns the request; a second take of the same id finds nothing (single use across nodes). */
    Optional<PendingSamlRequest> take(WorkspaceId workspace, String requestId);

    /** How many of the workspace's requests are still outstanding at {@code now}, counted up to {@code cap} at most. */
    int countOutstanding(WorkspaceId workspace, Instant now, int cap);

    /** When the workspace's oldest outstanding request expires, if it has one. */
    Optional<Instant> firstExpiry(WorkspaceId workspace, Instant now);

    int purgeExpired(Instant now);
}
