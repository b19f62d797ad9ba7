package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code gatehouse_logins_total{method, outcome}}: every credential exchange by how it was made
 * ({@code password}, {@code jwt_grant}, {@code jwt_refresh}, {@code api_key}) and how it ended
 * ({@code success} or the error code, e.g. {@code invalid_credentials}, {@code too_many_attempts}).
 * Tags are fixed vocabularies, never user input, so the series count stays bounded.
 */
@Singleton
final class LoginMetrics {

    private final MeterRegistry registry;

    LoginMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void success(String method) {
        counter(method, "success").increment();
    }

    void failure(String method, ErrorCode code) {
        counter(method, code.code()).increment();
    }

    private Counter counter(String method, String outcome) {
        return Counter.builder("gatehouse.logins").description("Credential exchanges by method and outcome")
                .tag("method", method).tag("outcome", outcome).register(registry);
    }
}
