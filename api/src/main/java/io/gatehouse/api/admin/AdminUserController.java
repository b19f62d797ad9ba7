package io.gatehouse.api.admin;

import io.gatehouse.api.account.UserResponse;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.port.in.AdministerUsersUseCase;
import io.gatehouse.domain.port.in.AdministerUsersUseCase.AdminOutcome;
import io.gatehouse.domain.port.in.AdministerUsersUseCase.AdminRejected;
import io.gatehouse.domain.port.in.AdministerUsersUseCase.StatusChanged;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

@Controller("/api/v1/admin/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operator")
class AdminUserController {

    private final AdministerUsersUseCase administration;

    AdminUserController(AdministerUsersUseCase administration) {
        this.administration = administration;
    }

    @Serdeable
    record UserStatusPatch(@NotNull @Pattern(regexp = "active|suspended", message = "must be active or suspended") String status) {
    }

    @Patch("/{id}")
    @ApiResponse(responseCode = "200", description = "updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.gatehouse.api.account.UserResponse.class)))
    @ApiResponse(responseCode = "403", description = "forbidden", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "user_not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Suspend or re-activate a user (instance administrators only); suspension revokes every session")
    HttpResponse<?> patch(@CurrentCaller Caller caller, @PathVariable UUID id, @Valid @Body UserStatusPatch patch) {
        UserStatus status = WireNamed.parse(UserStatus.class, patch.status()).orElseThrow();
        AdminOutcome outcome = administration.changeStatus(caller.userId(), new UserId(id), status);
        return switch (outcome) {
            case StatusChanged changed -> HttpResponse.ok(UserResponse.of(changed.user()));
            case AdminRejected rejected -> Problems.response(rejected.code(),
                    rejected.code() == ErrorCode.USER_NOT_FOUND ? "no user with this id" : "instance administrators only");
        };
    }
}
