package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;

/** Assertion ids already accepted, kept until the assertion would have expired anyway (SAML profiles 4.1.4.5). */
public interface AssertionReplayCache {

    /** Records the id; false when it was already recorded (the database's unique key decides, across nodes). */
    boolean firstUse(WorkspaceId workspace, String assertionId, Instant keepUntil);

    int purgeExpired(Instant now);
}
