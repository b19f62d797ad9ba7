package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits of SAML login: how long an AuthnRequest may stay unanswered, how long a link
 * confirmation code lives, how much clock difference with an IdP is tolerated, how long SSO events
 * are kept, and how fresh a response must be.
 *
 * @param maxMessageAge how old a Response or Assertion may be by its IssueInstant (SAML core 3.2.2 and
 *                      profiles 4.1.4.2/4.1.4.3 leave the bound to the SP); the skew is added on top
 * @param maxAuthenticationAge how long ago the IdP may have authenticated the user (AuthnInstant). Kept
 *                      apart from the message age on purpose: an IdP that still has a session answers
 *                      with the AuthnInstant of that session's login, which is routinely hours old
 */
public record SamlPolicy(Duration requestLifetime, Duration confirmationLifetime, Duration clockSkew, Duration eventRetention,
                         Duration maxMessageAge, Duration maxAuthenticationAge) {

    public SamlPolicy {
        Objects.requireNonNull(requestLifetime, "requestLifetime");
        Objects.requireNonNull(confirmationLifetime, "confirmationLifetime");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(eventRetention, "eventRetention");
        Objects.requireNonNull(maxMessageAge, "maxMessageAge");
        Objects.requireNonNull(maxAuthenticationAge, "maxAuthenticationAge");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("SAML clock skew must be between 0 and 10 minutes");
        }
        if (maxMessageAge.isNegative() || maxMessageAge.isZero() || maxMessageAge.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("SAML maximum message age must be positive and at most 1 hour");
        }
        if (maxAuthenticationAge.compareTo(maxMessageAge) < 0) {
            throw new IllegalArgumentException("SAML maximum authentication age cannot be shorter than the maximum message age");
        }
    }
}
