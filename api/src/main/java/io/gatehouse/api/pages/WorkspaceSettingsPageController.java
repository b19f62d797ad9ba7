package io.gatehouse.api.pages;

import static io.gatehouse.api.pages.WorkspaceSettingsPages.CHANGE_ROLE;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.INVITE;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.REMOVE_MEMBER;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.REVOKE_INVITATION;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.port.in.InvitationUseCase;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationRefused;
import io.gatehouse.domain.port.in.WorkspaceUseCase;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberRejected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /workspaces/{wid}/settings}, and its members and invitations forms: invite an address with a role
 * (the invitation mail links to {@code /invitations}), withdraw an invitation, change a member's role, remove a
 * member. The use cases of the JSON API decide, with its codes (the last owner stays, owners only by owners).
 */
@Hidden
@Controller("/workspaces/{wid}/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class WorkspaceSettingsPageController {

    private static final int MAX_EMAIL = 320;

    private final WorkspaceSettingsPages pages;
    private final WorkspaceUseCase workspaces;
    private final InvitationUseCase invitations;

    WorkspaceSettingsPageController(WorkspaceSettingsPages pages, WorkspaceUseCase workspaces, InvitationUseCase invitations) {
        this.pages = pages;
        this.workspaces = workspaces;
        this.invitations = invitations;
    }

    @Get
    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid) {
        return pages.show(http, authentication, wid);
    }

    @Post(value = INVITE, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid,
                           @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, INVITE, form.get(FormTokens.FIELD), admin -> {
            String email = PageForms.field(form, "email", MAX_EMAIL).strip();
            Map<String, String> typed = Map.of("invite_email", email);
            Optional<Role> role = role(form.get("role"));
            if (role.isEmpty()) {
                return pages.render(http, admin, HttpStatus.BAD_REQUEST, new FieldError("invite_role", ErrorCode.VALIDATION_FAILED.code(),
                        "Choose a role."), null, typed);
            }
            return switch (invitations.invite(admin.user(), admin.workspace(), email, role.get())) {
                case InvitationRefused refused -> pages.render(http, admin, Problems.statusOf(refused.code()), new FieldError("invite_email",
                        refused.code().code(), Messages.of(refused.code())), null, typed);
                default -> WorkspaceSettingsPages.done(admin, "invitations");
            };
        });
    }

    @Post(value = REVOKE_INVITATION, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revokeInvitation(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid,
                                     @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, REVOKE_INVITATION, form.get(FormTokens.FIELD), admin -> {
            PageSessions.id(form.get("id")).ifPresent(id -> invitations.revoke(admin.user(), admin.workspace(), id));
            return WorkspaceSettingsPages.done(admin, "invitations");
        });
    }

    @Post(value = CHANGE_ROLE, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeRole(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid,
                               @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, CHANGE_ROLE, form.get(FormTokens.FIELD), admin -> {
            Optional<UUID> member = PageSessions.id(form.get("user_id"));
            Optional<Role> role = role(form.get("role"));
            if (member.isEmpty() || role.isEmpty()) {
                return WorkspaceSettingsPages.done(admin, "members");
            }
            return workspaces.changeRole(admin.user(), admin.workspace(), new UserId(member.get()), role.get()) instanceof MemberRejected rejected
                    ? pages.render(http, admin, Problems.statusOf(rejected.code()), new FieldError("members", rejected.code().code(),
                    Messages.of(rejected.code())), null, Map.of())
                    : WorkspaceSettingsPages.done(admin, "members");
        });
    }

    @Post(value = REMOVE_MEMBER, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeMember(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid,
                                 @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, REMOVE_MEMBER, form.get(FormTokens.FIELD), admin -> {
            Optional<UUID> member = PageSessions.id(form.get("user_id"));
            if (member.isEmpty()) {
                return WorkspaceSettingsPages.done(admin, "members");
            }
            return workspaces.removeMember(admin.user(), admin.workspace(), new UserId(member.get())) instanceof MemberRejected rejected
                    ? pages.render(http, admin, Problems.statusOf(rejected.code()), new FieldError("members", rejected.code().code(),
                    Messages.of(rejected.code())), null, Map.of())
                    : member.get().equals(admin.user().value()) ? LoginPageController.seeOther(AccountPageController.PATH)
                    : WorkspaceSettingsPages.done(admin, "members");
        });
    }

    private static Optional<Role> role(@Nullable String value) {
        return value == null ? Optional.empty() : WireNamed.parse(Role.class, value);
    }
}
