package io.gatehouse.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /metrics} in the Prometheus text format (API.md, Operator). Micronaut's own Prometheus
 * endpoint lives at {@code /prometheus}; the contract fixes the path, so the registry is scraped
 * here. It carries no secrets, but like {@code /health} it is meant for the operator's network.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class MetricsController {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(value = "/metrics", produces = PROMETHEUS_TEXT)
    String scrape() {
        return registry.scrape();
    }
}
