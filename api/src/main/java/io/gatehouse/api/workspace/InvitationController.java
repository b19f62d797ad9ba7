package io.gatehouse.api.workspace;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.api.workspace.WorkspaceController.MemberResponse;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.InvitationUseCase.AddressedList;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationList;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationOutcome;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationRefused;
import io.gatehouse.domain.port.in.InvitationUseCase.Invited;
import io.gatehouse.domain.port.in.InvitationUseCase.Joined;
import io.gatehouse.domain.port.in.InvitationUseCase.Revoked;
import io.gatehouse.domain.port.in.InvitationUseCase;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Invitations: admins invite an address into a workspace; the verified owner of the address accepts. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Workspaces")
class InvitationController {

    private final InvitationUseCase invitations;

    InvitationController(InvitationUseCase invitations) {
        this.invitations = invitations;
    }

    @Serdeable
    record InviteRequest(@NotNull @Size(max = io.gatehouse.domain.model.Email.MAX_LENGTH) String email,
                         @NotNull @Pattern(regexp = "owner|admin|member", message = "must be owner, admin or member") String role) {
    }

    @Serdeable
    record InvitationResponse(UUID id, String email, String role, Instant expiresAt, UUID invitedBy, Instant createdAt) {
        static InvitationResponse of(Invitation i) {
            return new InvitationResponse(i.id(), i.email().value(), i.role().wireName(), i.expiresAt(), i.invitedBy().value(),
                    i.createdAt());
        }
    }

    @Serdeable
    record WorkspaceRef(UUID id, String name) {
    }

    @Serdeable
    record MyInvitation(UUID id, WorkspaceRef workspace, String role, String invitedBy, Instant expiresAt) {
        static MyInvitation of(Invitation.Addressed a) {
            return new MyInvitation(a.invitation().id(), new WorkspaceRef(a.workspace().id().value(), a.workspace().name()),
                    a.invitation().role().wireName(), a.inviterEmail().value(), a.invitation().expiresAt());
        }
    }

    @Serdeable
    record JoinedResponse(UUID workspaceId, UUID userId, String role, Instant joinedAt, MemberResponse member) {
    }

    @Post("/workspaces/{wid}/invitations")
    @Operation(summary = "Invite an email address (workspace admins; owners only by owners); the invitee gets a message")
    @ApiResponse(responseCode = "201", description = "invited", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_email, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "403", description = "forbidden", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "already_member", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> invite(@CurrentCaller Caller caller, @PathVariable UUID wid, @Valid @Body InviteRequest body) {
        WorkspaceId workspace = new WorkspaceId(wid);
        Role role = WireNamed.parse(Role.class, body.role()).orElseThrow();
        return respond(invitations.invite(caller.userId(), workspace, body.email(), role), HttpStatus.CREATED);
    }

    @Get("/workspaces/{wid}/invitations")
    @Operation(summary = "The workspace's open invitations (workspace admins)")
    @ApiResponse(responseCode = "200", description = "the invitations", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = InvitationResponse.class))))
    HttpResponse<?> pending(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return respond(invitations.pending(caller.userId(), workspace), HttpStatus.OK);
    }

    @Delete("/workspaces/{wid}/invitations/{id}")
    @Operation(summary = "Revoke an invitation (workspace admins)")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> revoke(@CurrentCaller Caller caller, @PathVariable UUID wid, @PathVariable UUID id) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return respond(invitations.revoke(caller.userId(), workspace, id), HttpStatus.NO_CONTENT);
    }

    @Get("/me/invitations")
    @Operation(summary = "The open invitations addressed to the caller's email")
    @ApiResponse(responseCode = "200", description = "the invitations", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = MyInvitation.class))))
    HttpResponse<?> mine(@CurrentCaller Caller caller) {
        return respond(invitations.mine(caller.userId()), HttpStatus.OK);
    }

    @Post("/me/invitations/{id}/accept")
    @Operation(summary = "Accept an invitation addressed to the caller's verified email: the caller joins with its role")
    @ApiResponse(responseCode = "200", description = "the membership", content = @Content(mediaType = "application/json", schema = @Schema(implementation = JoinedResponse.class)))
    @ApiResponse(responseCode = "403", description = "email_not_verified", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "410", description = "invitation_expired", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> accept(@CurrentCaller Caller caller, @PathVariable UUID id) {
        return respond(invitations.accept(caller.userId(), id), HttpStatus.OK);
    }

    private static HttpResponse<?> respond(InvitationOutcome outcome, HttpStatus success) {
        return switch (outcome) {
            case Invited invited -> HttpResponse.status(success).body(InvitationResponse.of(invited.invitation()));
            case InvitationList list -> HttpResponse.ok(list.invitations().stream().map(InvitationResponse::of).toList());
            case AddressedList list -> HttpResponse.ok(list.invitations().stream().map(MyInvitation::of).toList());
            case Joined joined -> {
                MemberResponse member = MemberResponse.of(joined.member());
                yield HttpResponse.ok(new JoinedResponse(joined.workspace().value(), member.userId(), member.role(), member.joinedAt(),
                        member));
            }
            case Revoked revoked -> HttpResponse.status(success);
            case InvitationRefused refused -> refused.code() == ErrorCode.INVALID_EMAIL
                    ? Problems.fieldProblem(refused.code(), "email", refused.detail())
                    : Problems.response(refused.code(), refused.detail());
        };
    }

    private static HttpResponse<?> notFound() {
        return Problems.response(ErrorCode.NOT_FOUND, "no such workspace");
    }
}
