package io.gatehouse.api.account;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.AccountUseCase.ChangePasswordCommand;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChangeOutcome;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChangeRejected;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChangeThrottled;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChanged;
import io.gatehouse.domain.port.in.AccountUseCase.Profile;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
class MeController {

    private final AccountUseCase accounts;
    private final ClientInfoResolver clients;

    MeController(AccountUseCase accounts, ClientInfoResolver clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    @Serdeable
    record MyWorkspace(UUID id, String name, String role) {
    }

    @Serdeable
    record MeResponse(UUID id, String email, String fullName, String status, Instant createdAt, Instant lastLoginAt,
                      boolean hasPassword, boolean emailVerified, List<MyWorkspace> workspaces) {
    }

    @Serdeable
    record ChangePasswordRequest(@NotNull @Size(max = 4096) String currentPassword, @NotNull @Size(max = 4096) String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest[redacted]";
        }
    }

    @Get
    @ApiResponse(responseCode = "200", description = "the profile", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeResponse.class)))
    @ApiResponse(responseCode = "401", description = "unauthenticated", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "The signed-in user, with the workspaces they belong to")
    HttpResponse<?> me(@CurrentCaller Caller caller) {
        Optional<Profile> profile = accounts.profile(caller.userId());
        if (profile.isEmpty()) {
            return Problems.response(ErrorCode.UNAUTHENTICATED, "the account no longer exists");
        }
        UserResponse user = UserResponse.of(profile.get().user());
        List<MyWorkspace> workspaces = profile.get().workspaces().stream()
                .map(w -> new MyWorkspace(w.workspace().id().value(), w.workspace().name(), w.role().wireName()))
                .toList();
        return HttpResponse.ok(new MeResponse(user.id(), user.email(), user.fullName(), user.status(), user.createdAt(),
                user.lastLoginAt(), user.hasPassword(), user.emailVerified(), workspaces));
    }

    @Post("/password")
    @ApiResponse(responseCode = "204", description = "changed; other sessions revoked")
    @ApiResponse(responseCode = "400", description = "weak_password, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Change the password; every other session of the user is revoked")
    HttpResponse<?> changePassword(HttpRequest<?> http, @CurrentCaller Caller caller, @Valid @Body ChangePasswordRequest request) {
        PasswordChangeOutcome outcome = accounts.changePassword(new ChangePasswordCommand(caller.userId(),
                caller.sessionId().orElse(null), request.currentPassword(), request.newPassword(), clients.resolve(http)));
        return switch (outcome) {
            case PasswordChanged changed -> HttpResponse.noContent();
            case PasswordChangeThrottled throttled -> Problems.throttled(throttled.retryAfter());
            case PasswordChangeRejected rejected -> Problems.fieldProblem(rejected.code(), rejected.field(), rejected.detail());
        };
    }
}
