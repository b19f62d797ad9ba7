package io.gatehouse.api.account;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.port.in.SignUpUseCase;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpOutcome;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpRejected;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

@Controller("/api/v1/signup")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
class SignUpController {

    private final SignUpUseCase signUp;

    SignUpController(SignUpUseCase signUp) {
        this.signUp = signUp;
    }

    @Serdeable
    record SignUpRequest(
            @NotNull @Size(max = Email.MAX_LENGTH) String email,
            @NotNull @Size(max = 4096) String password,
            @Nullable @Size(max = 200) String fullName,
            @Nullable @Size(min = 1, max = Workspace.MAX_NAME_LENGTH) String workspaceName) {
        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + ", password=redacted]";
        }
    }

    @Serdeable
    record SignUpResponse(UserResponse user, @Nullable WorkspaceResponse workspace) {
    }

    @Post
    @ApiResponse(responseCode = "201", description = "account created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignUpResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_email, weak_password, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "email_taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Create an account; with workspace_name, also a workspace owned by it")
    HttpResponse<?> signUp(@Valid @Body SignUpRequest request) {
        SignUpOutcome outcome = signUp.signUp(
                new SignUpCommand(request.email(), request.password(), request.fullName(), request.workspaceName()));
        return switch (outcome) {
            case SignedUp created -> HttpResponse.created(new SignUpResponse(UserResponse.of(created.user()),
                    created.workspace().map(WorkspaceResponse::of).orElse(null)));
            case SignUpRejected rejected -> Problems.fieldProblem(rejected.code(), rejected.field(), rejected.detail());
        };
    }
}
