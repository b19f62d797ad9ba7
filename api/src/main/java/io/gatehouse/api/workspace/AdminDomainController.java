package io.gatehouse.api.workspace;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** The operator's override: an instance administrator who checked a domain's ownership out of band verifies it. */
@Controller("/api/v1/admin/workspaces/{wid}/domains")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operator")
class AdminDomainController {

    private final DomainOwnershipUseCase domains;

    AdminDomainController(DomainOwnershipUseCase domains) {
        this.domains = domains;
    }

    @Post("/{domain}/verify")
    @Operation(summary = "Vouch for a domain (instance administrators only): verified for the workspace without a DNS record")
    @ApiResponse(responseCode = "200", description = "verified", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DomainResponse.class)))
    @ApiResponse(responseCode = "403", description = "forbidden", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such workspace", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "domain_taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> vouch(@CurrentCaller Caller caller, @PathVariable UUID wid, @PathVariable String domain) {
        return DomainController.respond(domains.vouch(caller.userId(), new WorkspaceId(wid), domain), HttpStatus.OK);
    }
}
