package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.QueuedMail;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages waiting to be delivered, in the database: written in the caller's transaction (so a change
 * and the message it causes commit or roll back together), claimed by one node at a time for a lease,
 * and marked sent or failed with a next attempt.
 */
public interface MailOutbox {

    UUID enqueue(OutgoingMail mail, Instant at);

    /** Unsent messages whose next attempt is due and that no live claim holds, oldest first. */
    List<QueuedMail> due(Instant now, int limit);

    /**
     * Claims the message until {@code until}, if its version is still the one read: of several nodes
     * claiming one message, exactly one succeeds, and gets the message with its new version.
     */
    Optional<QueuedMail> claim(QueuedMail mail, Instant until);

    /**
     * Delivered: kept (without its bodies, which hold single-use links) until purged. Recorded only while
     * {@code claimed} is still the latest claim, so a node whose lease was taken over changes nothing.
     */
    void sent(QueuedMail claimed, Instant at);

    /**
     * Not delivered at {@code at}: the claim is released and the next attempt set to {@code retryAt};
     * with no {@code retryAt} the message is given up and never tried again. Only while {@code claimed}
     * is the latest claim.
     */
    void failed(QueuedMail claimed, String error, Instant at, Optional<Instant> retryAt);

    /** How many messages wait, and since when the oldest of them waits. */
    Backlog backlog();

    int purgeFinishedBefore(Instant cutoff);

    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {
    }
}
