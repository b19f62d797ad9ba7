package io.gatehouse.api.admin;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.AdministerSigningKeysUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/v1/admin/signing-keys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operator")
class AdminSigningKeyController {

    private final AdministerSigningKeysUseCase signingKeys;

    AdminSigningKeyController(AdministerSigningKeysUseCase signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Serdeable
    record Rotated(String kid) {
    }

    @Post("/rotate")
    @Operation(summary = "Make a new JWT signing key current; the previous one keeps verifying for the configured overlap")
    HttpResponse<?> rotate(@CurrentCaller Caller caller) {
        return signingKeys.rotate(caller.userId())
                .<HttpResponse<?>>map(kid -> HttpResponse.ok(new Rotated(kid)))
                .orElseGet(() -> Problems.response(ErrorCode.FORBIDDEN, "instance administrators only"));
    }
}
