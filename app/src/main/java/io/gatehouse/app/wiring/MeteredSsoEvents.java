package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SsoEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;

/**
 * {@code gatehouse_sso_event_failures_total{stored}}: refused SSO posts by whether they became a new
 * event row ({@code stored="new"}) or were folded into an identical one ({@code stored="folded"}).
 * A decorator at the wiring level, so neither the domain nor the persistence adapter knows metrics.
 */
final class MeteredSsoEvents implements SsoEvents {

    private final SsoEvents delegate;
    private final Counter folded;
    private final Counter added;

    MeteredSsoEvents(SsoEvents delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.folded = counter(registry, "folded");
        this.added = counter(registry, "new");
    }

    private static Counter counter(MeterRegistry registry, String stored) {
        return Counter.builder("gatehouse.sso.event.failures").description("Refused SSO posts, by whether they added an event row or were folded")
                .tag("stored", stored).register(registry);
    }

    @Override
    public void record(SsoEvent event) {
        delegate.record(event);
    }

    @Override
    public boolean recordFailure(SsoEvent failure, Instant foldSince) {
        boolean wasFolded = delegate.recordFailure(failure, foldSince);
        (wasFolded ? folded : added).increment();
        return wasFolded;
    }

    @Override
    public List<SsoEvent> recent(WorkspaceId workspace, int limit) {
        return delegate.recent(workspace, limit);
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return delegate.purgeOlderThan(cutoff);
    }
}
