package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits of SAML login: how long an AuthnRequest may stay unanswered, how long a link
 * confirmation code lives, how much clock difference with an IdP is tolerated, and how long SSO
 * events are kept.
 */
public record SamlPolicy(Duration requestLifetime, Duration confirmationLifetime, Duration clockSkew, Duration eventRetention) {

    public SamlPolicy {
        Objects.requireNonNull(requestLifetime, "requestLifetime");
        Objects.requireNonNull(confirmationLifetime, "confirmationLifetime");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(eventRetention, "eventRetention");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("SAML clock skew must be between 0 and 10 minutes");
        }
    }
}
