package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Session lifetimes. {@code touchInterval} is how stale {@code last_seen_at} may get before a
 * request refreshes it: the idle timeout is therefore enforced with that much slack, in exchange
 * for not writing to the database on every request.
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime, Duration touchInterval) {
    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("touch interval must be shorter than the idle timeout");
        }
    }
}
