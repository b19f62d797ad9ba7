package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on failed logins within a sliding window, counted separately per account identifier
 * and per client IP (OWASP Authentication Cheat Sheet, "Protect against automated attacks").
 */
public record ThrottlePolicy(int maxFailuresPerEmail, int maxFailuresPerIp, Duration window) {
    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        if (maxFailuresPerEmail < 1 || maxFailuresPerIp < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
    }
}
