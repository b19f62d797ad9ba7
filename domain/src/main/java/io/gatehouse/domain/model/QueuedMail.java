package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message in the outbox, written in the same transaction as the change that caused it.
 *
 * @param attempts how many deliveries failed so far
 * @param version changes on every claim: a node owns the message for a lease only if its claim moved
 *                the version it read (compare-and-set), so two nodes never deliver one message at once
 */
public record QueuedMail(UUID id, OutgoingMail mail, Instant createdAt, int attempts, long version) {

    public QueuedMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
