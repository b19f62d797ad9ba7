package io.gatehouse.api.workspace;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.in.WorkspaceUseCase;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberChanged;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberOutcome;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberRejected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Workspaces and members. The tenant is resolved here, once, from the path and passed explicitly;
 * a workspace the caller cannot reach (not a member, or an API token scoped elsewhere) is 404.
 */
@Controller("/api/v1/workspaces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Workspaces")
class WorkspaceController {

    private static final String ROLES = "owner|admin|member";
    private final WorkspaceUseCase workspaces;

    WorkspaceController(WorkspaceUseCase workspaces) {
        this.workspaces = workspaces;
    }

    @Serdeable
    record CreateWorkspace(@NotBlank @Size(max = Workspace.MAX_NAME_LENGTH) String name) {
    }

    @Serdeable
    record WorkspaceResponse(UUID id, String name, Instant createdAt) {
    }

    @Serdeable
    record MyWorkspace(UUID id, String name, Instant createdAt, String role) {
        static MyWorkspace of(WorkspaceRole workspace) {
            return new MyWorkspace(workspace.workspace().id().value(), workspace.workspace().name(),
                    workspace.workspace().createdAt(), workspace.role().wireName());
        }
    }

    @Serdeable
    public record MemberResponse(UUID userId, String email, String fullName, String role, Instant joinedAt) {
        public static MemberResponse of(Member member) {
            return new MemberResponse(member.userId().value(), member.email().value(), member.fullName(),
                    member.role().wireName(), member.joinedAt());
        }
    }

    @Serdeable
    record ChangeRole(@NotNull @Pattern(regexp = ROLES, message = "must be owner, admin or member") String role) {
    }

    @Post
    @ApiResponse(responseCode = "201", description = "created; the caller is owner", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkspaceResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Create a workspace; the caller becomes its owner")
    HttpResponse<?> create(@CurrentCaller Caller caller, @Valid @Body CreateWorkspace request) {
        if (caller.workspaceScope().isPresent()) {
            return Problems.response(ErrorCode.FORBIDDEN, "a workspace-scoped API token cannot create workspaces");
        }
        Workspace created = workspaces.create(caller.userId(), request.name());
        return HttpResponse.created(new WorkspaceResponse(created.id().value(), created.name(), created.createdAt()));
    }

    @Get
    @Operation(summary = "The caller's workspaces with the caller's role in each")
    List<MyWorkspace> list(@CurrentCaller Caller caller) {
        return workspaces.listMine(caller.userId()).stream()
                .filter(workspace -> caller.mayReach(workspace.workspace().id()))
                .map(MyWorkspace::of)
                .toList();
    }

    @Get("/{wid}")
    @ApiResponse(responseCode = "200", description = "the workspace and the caller's role", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MyWorkspace.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "One workspace, with the caller's role; 404 for non-members")
    HttpResponse<?> get(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        return workspaces.get(caller.userId(), new WorkspaceId(wid))
                .<HttpResponse<?>>map(found -> HttpResponse.ok(MyWorkspace.of(found)))
                .orElseGet(WorkspaceController::notFound);
    }

    @Get("/{wid}/members")
    @Operation(summary = "The workspace's members; 404 for non-members")
    HttpResponse<?> members(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        return workspaces.members(caller.userId(), new WorkspaceId(wid))
                .<HttpResponse<?>>map(list -> HttpResponse.ok(list.stream().map(MemberResponse::of).toList()))
                .orElseGet(WorkspaceController::notFound);
    }

    @Patch("/{wid}/members/{userId}")
    @ApiResponse(responseCode = "200", description = "changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberResponse.class)))
    @ApiResponse(responseCode = "403", description = "forbidden", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "last_owner", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Change a member's role (workspace admins; the owner role only by owners; the last owner stays)")
    HttpResponse<?> changeRole(@CurrentCaller Caller caller, @PathVariable UUID wid, @PathVariable UUID userId,
                               @Valid @Body ChangeRole request) {
        return respond(workspaces.changeRole(caller.userId(), new WorkspaceId(wid), new UserId(userId),
                role(request.role())), HttpStatus.OK);
    }

    @Delete("/{wid}/members/{userId}")
    @ApiResponse(responseCode = "204", description = "removed")
    @ApiResponse(responseCode = "403", description = "forbidden", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "last_owner", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Remove a member (workspace admins, or the member themselves; never the last owner)")
    HttpResponse<?> removeMember(@CurrentCaller Caller caller, @PathVariable UUID wid, @PathVariable UUID userId) {
        return respond(workspaces.removeMember(caller.userId(), new WorkspaceId(wid), new UserId(userId)),
                HttpStatus.NO_CONTENT);
    }

    private static HttpResponse<?> respond(MemberOutcome outcome, HttpStatus success) {
        return switch (outcome) {
            case MemberChanged changed -> changed.member() == null
                    ? HttpResponse.status(success)
                    : HttpResponse.status(success).body(MemberResponse.of(changed.member()));
            case MemberRejected rejected -> Problems.response(rejected.code(), rejected.detail());
        };
    }

    private static Role role(String wireName) {
        return WireNamed.parse(Role.class, wireName).orElseThrow();
    }

    private static HttpResponse<?> notFound() {
        return Problems.response(ErrorCode.NOT_FOUND, "no such workspace");
    }
}
