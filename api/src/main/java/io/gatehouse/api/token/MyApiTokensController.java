package io.gatehouse.api.token;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.BasicCredentials;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase.CreateOutcome;
import io.gatehouse.domain.port.in.ApiTokenUseCase.CreateRejected;
import io.gatehouse.domain.port.in.ApiTokenUseCase.Created;
import io.gatehouse.domain.port.in.ApiTokenUseCase.UpdateOutcome;
import io.gatehouse.domain.port.in.ApiTokenUseCase.UpdateRejected;
import io.gatehouse.domain.port.in.ApiTokenUseCase.Updated;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
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
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "API tokens")
class MyApiTokensController {

    private final ApiTokenUseCase apiTokens;
    private final CheckCredentialsUseCase credentials;
    private final ClientInfoResolver clients;

    MyApiTokensController(ApiTokenUseCase apiTokens, CheckCredentialsUseCase credentials, ClientInfoResolver clients) {
        this.apiTokens = apiTokens;
        this.credentials = credentials;
        this.clients = clients;
    }

    @Serdeable
    record CreateToken(@Nullable @Size(max = ApiToken.MAX_NOTE_LENGTH) String note, @Nullable Instant expiresAt,
                       @Nullable UUID workspaceId) {
    }

    @Serdeable
    record UpdateToken(@Nullable @Size(max = ApiToken.MAX_NOTE_LENGTH) String note, @Nullable Boolean enabled,
                       @NotNull Integer version) {
    }

    @Serdeable
    record ResetToken(String apiToken) {
        @Override
        public String toString() {
            return "ResetToken[redacted]";
        }
    }

    @Get("/api-tokens")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Every API token the caller issued, personal and workspace-scoped")
    ApiTokenResponse.TokenList list(@CurrentCaller Caller caller) {
        return ApiTokenResponse.TokenList.of(apiTokens.listMine(caller.userId()));
    }

    /**
     * Accepts a session or bearer token, or HTTP Basic email and password (a script logging in for a
     * token), throttled like every password login.
     */
    @Post("/api-tokens")
    @ApiResponse(responseCode = "201", description = "the token record with access_token (shown once)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiTokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "401", description = "unauthenticated, invalid_credentials", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Issue an API token (personal, or scoped with workspace_id); also accepts HTTP Basic")
    HttpResponse<?> create(HttpRequest<?> http, @Nullable Authentication authentication, @Valid @Nullable @Body CreateToken request) {
        UserId caller;
        if (authentication != null) {
            caller = Caller.of(authentication).userId();
        } else {
            Optional<BasicCredentials> basic = BasicCredentials.from(http);
            if (basic.isEmpty()) {
                return Problems.response(ErrorCode.UNAUTHENTICATED, "sign in, send a bearer token, or use HTTP Basic");
            }
            switch (credentials.check(basic.get().email(), basic.get().password(), clients.resolve(http))) {
                case AuthenticationFailure failure -> {
                    return AuthenticationProblems.of(failure);
                }
                case CredentialsValid valid -> caller = valid.user().id();
            }
        }
        CreateToken body = request == null ? new CreateToken(null, null, null) : request;
        CreateOutcome outcome = apiTokens.create(caller, body.note(), body.expiresAt(),
                Optional.ofNullable(body.workspaceId()).map(WorkspaceId::new));
        return created(outcome);
    }

    @Patch("/api-tokens/{id}")
    @ApiResponse(responseCode = "200", description = "updated; version incremented", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiTokenResponse.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "version_conflict", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Change note or enabled; version must match (optimistic concurrency)")
    HttpResponse<?> update(@CurrentCaller Caller caller, @PathVariable UUID id, @Valid @Body UpdateToken request) {
        UpdateOutcome outcome = apiTokens.update(caller.userId(), new ApiTokenId(id),
                Optional.ofNullable(request.note()), Optional.ofNullable(request.enabled()), request.version());
        return switch (outcome) {
            case Updated updated -> HttpResponse.ok(ApiTokenResponse.of(updated.token()));
            case UpdateRejected rejected -> Problems.response(rejected.code(), rejected.code() == ErrorCode.VERSION_CONFLICT
                    ? "the token was changed meanwhile; read it again and retry with its current version" : "no such token");
        };
    }

    @Delete("/api-tokens/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Delete one of the caller's tokens; it stops working at once")
    HttpResponse<?> delete(@CurrentCaller Caller caller, @PathVariable UUID id) {
        if (!apiTokens.delete(caller.userId(), new ApiTokenId(id))) {
            return Problems.response(ErrorCode.NOT_FOUND, "no such token");
        }
        return HttpResponse.noContent();
    }

    @Post("/reset_token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Replace the caller's default personal API token")
    ResetToken reset(@CurrentCaller Caller caller) {
        return new ResetToken(apiTokens.resetDefault(caller.userId()));
    }

    static HttpResponse<?> created(CreateOutcome outcome) {
        return switch (outcome) {
            case Created created -> HttpResponse.created(ApiTokenResponse.of(created.token(), created.secret()));
            case CreateRejected rejected -> Problems.fieldProblem(rejected.code(), rejected.field(), rejected.detail());
        };
    }
}
