package io.gatehouse.app.config;

import io.gatehouse.domain.model.SessionPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code GATEHOUSE_SESSION_IDLE_TIMEOUT}, {@code GATEHOUSE_SESSION_ABSOLUTE_LIFETIME}, {@code GATEHOUSE_SESSION_TOUCH_INTERVAL}. */
@ConfigurationProperties("gatehouse.session")
public record SessionProperties(
        @Bindable(defaultValue = "8h") Duration idleTimeout,
        @Bindable(defaultValue = "7d") Duration absoluteLifetime,
        @Bindable(defaultValue = "60s") Duration touchInterval) {

    public SessionPolicy toPolicy() {
        return new SessionPolicy(idleTimeout, absoluteLifetime, touchInterval);
    }
}
