package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox is drained: how many messages a pass takes, how long a claim holds a message
 * (longer than any SMTP timeout, so a slow delivery is never taken over), the back-off between
 * attempts (doubling from {@code firstRetry} up to {@code maxRetry}), and when a message is given up.
 */
public record MailPolicy(int batchSize, Duration claimLease, Duration firstRetry, Duration maxRetry, Duration giveUpAfter) {

    public MailPolicy {
        Objects.requireNonNull(claimLease, "claimLease");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (batchSize < 1 || claimLease.isNegative() || claimLease.isZero() || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("invalid mail policy");
        }
    }

    /** The wait before attempt {@code failures + 1}: firstRetry, doubled per failure, at most maxRetry. */
    public Duration backoff(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
