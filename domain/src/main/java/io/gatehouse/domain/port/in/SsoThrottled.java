package io.gatehouse.domain.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * An SSO request refused before any work, because the client (or the workspace) is over a limit on
 * what anonymous callers can make Gatehouse store; {@code retryAfter} says when it may try again.
 */
public record SsoThrottled(Duration retryAfter, Limit limit) implements StartSamlLoginUseCase.StartOutcome,
        ConsumeSamlResponseUseCase.AcsOutcome, OidcLoginUseCase.StartOutcome, OidcLoginUseCase.CallbackOutcome,
        StartSsoLoginUseCase.StartOutcome {

    public SsoThrottled {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(limit, "limit");
    }

    /** Which limit was hit; a fixed vocabulary, fit for a metric tag. */
    public enum Limit {
        /** Too many SSO login starts from this client IP. */
        STARTS_PER_IP("starts_per_ip"),
        /** Too many refused ACS or callback posts from this client IP. */
        FAILURES_PER_IP("failures_per_ip"),
        /** The workspace has as many outstanding AuthnRequests as it may. */
        PENDING_PER_WORKSPACE("pending_per_workspace");

        private final String tag;

        Limit(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
