package io.gatehouse.api.workspace;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainDeleted;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainList;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainOutcome;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainRefused;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A workspace's email domains and the proof of their ownership (workspace admins only). */
@Controller("/api/v1/workspaces/{wid}/domains")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Email domains")
class DomainController {

    private final DomainOwnershipUseCase domains;

    DomainController(DomainOwnershipUseCase domains) {
        this.domains = domains;
    }

    @Serdeable
    record DomainRequest(@NotBlank @Size(max = 255) String domain) {
    }

    @Get
    @Operation(summary = "The workspace's domains, each pending or verified, with the TXT record that proves it")
    @ApiResponse(responseCode = "200", description = "the domains", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = DomainResponse.class))))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> list(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        return respond(domains.list(caller.userId(), new WorkspaceId(wid)), HttpStatus.OK);
    }

    @Post
    @Operation(summary = "Claim a domain: pending until its TXT record _gatehouse-challenge.<domain> is verified")
    @ApiResponse(responseCode = "201", description = "the claim, with the TXT record to publish", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DomainResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_domain, public_domain", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "domain_taken: another workspace verified it", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> claim(@CurrentCaller Caller caller, @PathVariable UUID wid, @Valid @Body DomainRequest body) {
        return respond(domains.claim(caller.userId(), new WorkspaceId(wid), body.domain()), HttpStatus.CREATED);
    }

    @Post("/{domain}/verify")
    @Operation(summary = "Look the TXT record up through the configured resolvers and verify the domain when it is there")
    @ApiResponse(responseCode = "200", description = "verified", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DomainResponse.class)))
    @ApiResponse(responseCode = "409", description = "domain_not_verified (detail: what the resolvers found), domain_taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> verify(@CurrentCaller Caller caller, @PathVariable UUID wid, @PathVariable String domain) {
        return respond(domains.verify(caller.userId(), new WorkspaceId(wid), domain), HttpStatus.OK);
    }

    @Delete("/{domain}")
    @Operation(summary = "Remove the claim (and the verification, if the workspace held it)")
    @ApiResponse(responseCode = "204", description = "removed")
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> delete(@CurrentCaller Caller caller, @PathVariable UUID wid, @PathVariable String domain) {
        return respond(domains.delete(caller.userId(), new WorkspaceId(wid), domain), HttpStatus.NO_CONTENT);
    }

    static HttpResponse<?> respond(DomainOutcome outcome, HttpStatus success) {
        return switch (outcome) {
            case DomainList list -> HttpResponse.ok(list.claims().stream().map(DomainResponse::of).toList());
            case DomainView view -> HttpResponse.status(success == HttpStatus.CREATED && !view.created() ? HttpStatus.OK : success)
                    .body(DomainResponse.of(view.claim()));
            case DomainDeleted deleted -> HttpResponse.noContent();
            case DomainRefused refused -> refused.code() == ErrorCode.INVALID_DOMAIN || refused.code() == ErrorCode.PUBLIC_DOMAIN
                    ? Problems.fieldProblem(refused.code(), "domain", refused.detail())
                    : Problems.response(refused.code(), refused.detail());
        };
    }
}
