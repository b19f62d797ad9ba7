package io.gatehouse.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The arithmetic of a sliding-window limit over recorded attempt times. */
final class SlidingWindow {

    private SlidingWindow() {
    }

    /**
     * With {@code limit} attempts in the window, the next one is allowed once the oldest of the newest
     * {@code limit} attempts leaves the window.
     *
     * @param newestFirst the newest attempts within the window, newest first (at most {@code limit} are read)
     */
    static Optional<Duration> waitFor(List<Instant> newestFirst, int limit, Duration window, Instant now) {
        if (newestFirst.size() < limit) {
            return Optional.empty();
        }
        Instant leavesWindow = newestFirst.get(limit - 1).plus(window);
        Duration wait = Duration.between(now, leavesWindow);
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }
}
