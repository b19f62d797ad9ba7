package io.gatehouse.app.config;

import io.gatehouse.domain.model.SamlPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_SAML_REQUEST_LIFETIME} (how long an AuthnRequest may stay unanswered),
 * {@code GATEHOUSE_SAML_CONFIRMATION_LIFETIME} (link confirmation codes), {@code GATEHOUSE_SAML_CLOCK_SKEW}
 * (tolerated clock difference with IdPs), {@code GATEHOUSE_SAML_EVENT_RETENTION} (how long sso/events are kept),
 * {@code GATEHOUSE_SAML_MAX_MESSAGE_AGE} (how old a response's IssueInstant may be) and
 * {@code GATEHOUSE_SAML_MAX_AUTHENTICATION_AGE} (how long ago the IdP may have authenticated the user).
 */
@ConfigurationProperties("gatehouse.saml")
public record SamlProperties(
        @Bindable(defaultValue = "10m") Duration requestLifetime,
        @Bindable(defaultValue = "10m") Duration confirmationLifetime,
        @Bindable(defaultValue = "90s") Duration clockSkew,
        @Bindable(defaultValue = "30d") Duration eventRetention,
        @Bindable(defaultValue = "5m") Duration maxMessageAge,
        @Bindable(defaultValue = "24h") Duration maxAuthenticationAge) {

    public SamlPolicy toPolicy() {
        return new SamlPolicy(requestLifetime, confirmationLifetime, clockSkew, eventRetention, maxMessageAge, maxAuthenticationAge);
    }
}
