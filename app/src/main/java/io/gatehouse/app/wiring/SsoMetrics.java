package io.gatehouse.app.wiring;

import io.gatehouse.domain.port.in.SsoThrottled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code gatehouse_sso_throttled_total{limit}}: SSO requests refused with 429 before any work, by the
 * limit they hit ({@code starts_per_ip}, {@code failures_per_ip}, {@code pending_per_workspace}).
 */
@Singleton
final class SsoMetrics {

    private final MeterRegistry registry;

    SsoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void throttled(SsoThrottled.Limit limit) {
        Counter.builder("gatehouse.sso.throttled").description("SSO requests refused by a per-client or per-workspace limit")
                .tag("limit", limit.tag()).register(registry).increment();
    }
}
