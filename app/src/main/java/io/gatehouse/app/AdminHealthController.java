package io.gatehouse.app;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.Users;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/admin/health}: every health indicator with its details (the database URL and
 * pool, disk space, ...) for instance administrators. The public {@code /health} answers UP or DOWN
 * only, so that anonymous callers learn nothing about the deployment (OWASP: information exposure).
 */
@Controller("/api/v1/admin/health")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operator")
class AdminHealthController {

    private final HealthAggregator<? extends HealthResult> aggregator;
    private final HealthIndicator[] indicators;
    private final Users users;

    AdminHealthController(HealthAggregator<? extends HealthResult> aggregator, HealthIndicator[] indicators, Users users) {
        this.aggregator = aggregator;
        this.indicators = indicators;
        this.users = users;
    }

    @Get
    @Operation(summary = "Health with every indicator's details (instance administrators only; /health says UP or DOWN only)")
    HttpResponse<?> health(Authentication authentication) {
        boolean admin = users.findById(new UserId(UUID.fromString(authentication.getName()))).map(User::isActiveInstanceAdmin).orElse(false);
        if (!admin) {
            return Problems.response(ErrorCode.FORBIDDEN, "instance administrators only");
        }
        HealthResult result = Mono.from(aggregator.aggregate(indicators, HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS)).block();
        return HttpResponse.ok(result);
    }
}
