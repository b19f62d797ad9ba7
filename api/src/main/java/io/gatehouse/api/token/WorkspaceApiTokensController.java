package io.gatehouse.api.token;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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

/** A workspace's API tokens. Non-members, and tokens scoped to another workspace, get 404 (no existence oracle). */
@Controller("/api/v1/workspaces/{wid}/api-tokens")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "API tokens")
class WorkspaceApiTokensController {

    private static final int MAX_BULK_IDS = 1000;
    private final ApiTokenUseCase apiTokens;

    WorkspaceApiTokensController(ApiTokenUseCase apiTokens) {
        this.apiTokens = apiTokens;
    }

    @Serdeable
    record CreateToken(@Nullable @Size(max = ApiToken.MAX_NOTE_LENGTH) String note, @Nullable Instant expiresAt) {
    }

    @Serdeable
    record BulkDelete(@NotNull @Size(max = MAX_BULK_IDS) List<@NotNull UUID> ids) {
    }

    @Serdeable
    record BulkDeleted(int requestedCount, int deletedCount) {
    }

    @Get
    @ApiResponse(responseCode = "200", description = "the tokens", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiTokenResponse.TokenList.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "The caller's tokens for this workspace; workspace admins see every member's")
    HttpResponse<?> list(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        WorkspaceId workspace = new WorkspaceId(wid);
        Optional<List<ApiToken>> tokens = apiTokens.listForWorkspace(caller.userId(), workspace);
        return tokens.<HttpResponse<?>>map(list -> HttpResponse.ok(ApiTokenResponse.TokenList.of(list)))
                .orElseGet(WorkspaceApiTokensController::notFound);
    }

    @Post
    @ApiResponse(responseCode = "201", description = "the token record with access_token (shown once)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiTokenResponse.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Issue an API token scoped to this workspace")
    HttpResponse<?> create(@CurrentCaller Caller caller, @PathVariable UUID wid, @Valid @Nullable @Body CreateToken request) {
        WorkspaceId workspace = new WorkspaceId(wid);
        CreateToken body = request == null ? new CreateToken(null, null) : request;
        return MyApiTokensController.created(apiTokens.create(caller.userId(), body.note(), body.expiresAt(), Optional.of(workspace)));
    }

    @Post("/delete")
    @ApiResponse(responseCode = "200", description = "counts", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkDeleted.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Delete several tokens of this workspace (admins may delete members' tokens)")
    HttpResponse<?> delete(@CurrentCaller Caller caller, @PathVariable UUID wid, @Valid @Body BulkDelete request) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return apiTokens.deleteInWorkspace(caller.userId(), workspace, request.ids().stream().map(ApiTokenId::new).toList())
                .<HttpResponse<?>>map(result -> HttpResponse.ok(new BulkDeleted(result.requested(), result.deleted())))
                .orElseGet(WorkspaceApiTokensController::notFound);
    }

    private static HttpResponse<?> notFound() {
        return Problems.response(ErrorCode.NOT_FOUND, "no such workspace");
    }
}
