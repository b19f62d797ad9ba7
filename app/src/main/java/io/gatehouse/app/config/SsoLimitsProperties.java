package io.gatehouse.app.config;

import io.gatehouse.domain.model.SsoLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_SSO_LIMITS_MAX_STARTS_PER_IP}, {@code ..._MAX_FAILURES_PER_IP}, {@code ..._WINDOW},
 * {@code ..._MAX_PENDING_PER_WORKSPACE}, {@code ..._EVENT_FOLD_WINDOW}. The per-IP defaults leave room
 * for a company behind one NAT address starting its morning logins together.
 */
@ConfigurationProperties("gatehouse.sso-limits")
public record SsoLimitsProperties(
        @Bindable(defaultValue = "300") int maxStartsPerIp,
        @Bindable(defaultValue = "60") int maxFailuresPerIp,
        @Bindable(defaultValue = "5m") Duration window,
        @Bindable(defaultValue = "10000") int maxPendingPerWorkspace,
        @Bindable(defaultValue = "10m") Duration eventFoldWindow) {

    public SsoLimits toLimits() {
        return new SsoLimits(maxStartsPerIp, maxFailuresPerIp, window, maxPendingPerWorkspace, eventFoldWindow);
    }
}
