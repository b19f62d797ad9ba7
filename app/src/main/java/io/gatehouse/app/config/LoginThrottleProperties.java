package io.gatehouse.app.config;

import io.gatehouse.domain.model.ThrottlePolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_LOGIN_THROTTLE_MAX_FAILURES_PER_EMAIL}, {@code ..._MAX_FAILURES_PER_IP},
 * {@code ..._WINDOW}.
 */
@ConfigurationProperties("gatehouse.login-throttle")
public record LoginThrottleProperties(
        @Bindable(defaultValue = "10") int maxFailuresPerEmail,
        @Bindable(defaultValue = "50") int maxFailuresPerIp,
        @Bindable(defaultValue = "15m") Duration window) {

    public ThrottlePolicy toPolicy() {
        return new ThrottlePolicy(maxFailuresPerEmail, maxFailuresPerIp, window);
    }
}
