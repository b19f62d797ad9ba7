package io.gatehouse.domain.service;

import io.gatehouse.domain.port.out.ClientAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sliding-window limit on attempts at an action under a key (a client IP, a digest of an address, a
 * user id), counted in the database so that every node enforces the same budget. Only admitted
 * attempts are recorded: a client hammering past its limit costs one read per attempt and no writes.
 */
public final class AttemptLimiter {

    private final ClientAttempts attempts;
    private final Clock clock;

    public AttemptLimiter(ClientAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** How long until the key may try again, or empty (and the attempt counted) when it may try now. */
    public Optional<Duration> admit(String action, String key, int limit, Duration window) {
        Optional<Duration> wait = check(action, key, limit, window);
        if (wait.isEmpty()) {
            record(action, key);
        }
        return wait;
    }

    /** As {@link #admit}, without counting the attempt (for limits on outcomes, such as failures). */
    public Optional<Duration> check(String action, String key, int limit, Duration window) {
        Instant now = clock.instant();
        return SlidingWindow.waitFor(attempts.newest(action, key, now.minus(window), limit), limit, window, now);
    }

    public void record(String action, String key) {
        attempts.record(action, key, clock.instant());
    }

    /** Forgets the action's attempts that left its window. */
    public int purge(String action, Duration window) {
        return attempts.purgeOlderThan(action, clock.instant().minus(window));
    }
}
