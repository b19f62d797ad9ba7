package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Gatehouse as an OpenID Provider: {@code GATEHOUSE_OAUTH_CODE_LIFETIME}, how long an authorization code may wait for
 * its exchange (RFC 6749 4.1.2 recommends at most 10 minutes; a minute is plenty for a server-side client).
 */
@ConfigurationProperties("gatehouse.oauth")
public record OAuthProperties(@Bindable(defaultValue = "60s") Duration codeLifetime) {

    public OAuthProperties {
        if (codeLifetime.isNegative() || codeLifetime.isZero() || codeLifetime.toMinutes() > 10) {
            throw new IllegalArgumentException("gatehouse.oauth.code-lifetime must be between 1 s and 10 min");
        }
    }
}
