package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on what anonymous callers can make Gatehouse store through SSO endpoints (OWASP Denial of
 * Service Cheat Sheet: bound every resource a client can allocate).
 *
 * @param maxStartsPerIp SSO logins one client IP may start within {@code window} (each stores a pending request)
 * @param maxFailuresPerIp refused ACS or callback posts one client IP may make within {@code window} (each writes an event)
 * @param window the sliding window of both per-IP limits
 * @param maxPendingPerWorkspace outstanding AuthnRequests one workspace may have at once, whatever their origin
 * @param eventFoldWindow identical failures within this time are counted on one SSO event
 */
public record SsoLimits(int maxStartsPerIp, int maxFailuresPerIp, Duration window, int maxPendingPerWorkspace,
                        Duration eventFoldWindow) {

    public SsoLimits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(eventFoldWindow, "eventFoldWindow");
        if (maxStartsPerIp < 1 || maxFailuresPerIp < 1 || maxPendingPerWorkspace < 1 || window.isNegative() || window.isZero()
                || eventFoldWindow.isNegative()) {
            throw new IllegalArgumentException("SSO limits must be positive");
        }
    }
}
