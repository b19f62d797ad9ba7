package io.gatehouse.app.wiring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code gatehouse_tokens_total{kind, event}}: credentials handed out and taken back, by kind
 * ({@code session}: a browser cookie; {@code jwt}: an access + refresh token family; {@code
 * api_token}) and event ({@code issued}, {@code refreshed}, {@code revoked}). Fixed vocabularies, so
 * the series count stays bounded.
 */
@Singleton
final class TokenMetrics {

    enum Kind {
        SESSION, JWT, API_TOKEN;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void issued(Kind kind) {
        counter(kind, "issued").increment();
    }

    void refreshed(Kind kind) {
        counter(kind, "refreshed").increment();
    }

    void revoked(Kind kind, long count) {
        if (count > 0) {
            counter(kind, "revoked").increment(count);
        }
    }

    private Counter counter(Kind kind, String event) {
        return Counter.builder("gatehouse.tokens").description("Sessions, token families and API tokens issued, refreshed and revoked")
                .tag("kind", kind.tag()).tag("event", event).register(registry);
    }
}
