package io.gatehouse.api.pages;

import io.gatehouse.api.security.Caller;
import io.gatehouse.domain.model.CertificateInfo;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainList;
import io.gatehouse.domain.port.in.InvitationUseCase;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationList;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SpEndpoints;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoEventList;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoView;
import io.gatehouse.domain.port.in.WorkspaceUseCase;
import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the forms of {@code /workspaces/{wid}/settings} share: who may use them (a workspace admin signed in with a
 * browser session; a non-member sees "not found", as in the JSON API, a member "forbidden"), the CSRF token of
 * each form, and rendering the page from the same use cases as the JSON API, so the page can show nothing and do
 * nothing the API would not.
 */
@Singleton
final class WorkspaceSettingsPages {

    static final String INVITE = "/invitations";
    static final String REVOKE_INVITATION = "/invitations/revoke";
    static final String CHANGE_ROLE = "/members/role";
    static final String REMOVE_MEMBER = "/members/remove";
    static final String CLAIM_DOMAIN = "/domains";
    static final String VERIFY_DOMAIN = "/domains/verify";
    static final String DELETE_DOMAIN = "/domains/delete";
    static final String SAVE_SSO = "/sso";
    static final String SWITCH_SSO = "/sso/switch";
    static final String TEST_SSO = "/sso/test";
    private static final List<String> FORMS = List.of(INVITE, REVOKE_INVITATION, CHANGE_ROLE, REMOVE_MEMBER, CLAIM_DOMAIN, VERIFY_DOMAIN,
            DELETE_DOMAIN, SAVE_SSO, SWITCH_SSO, TEST_SSO);
    private static final int EVENTS_SHOWN = 25;

    private final WorkspaceUseCase workspaces;
    private final InvitationUseCase invitations;
    private final DomainOwnershipUseCase domains;
    private final SsoConfigurationUseCase sso;
    private final FormTokens forms;
    private final PublicUrl publicUrl;

    WorkspaceSettingsPages(WorkspaceUseCase workspaces, InvitationUseCase invitations, DomainOwnershipUseCase domains,
                           SsoConfigurationUseCase sso, FormTokens forms, PublicUrl publicUrl) {
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.domains = domains;
        this.sso = sso;
        this.forms = forms;
        this.publicUrl = publicUrl;
    }

    /** A workspace admin on the settings page of their workspace. */
    record Admin(Caller caller, WorkspaceRole membership) {
        UserId user() {
            return caller.userId();
        }

        WorkspaceId workspace() {
            return membership.workspace().id();
        }
    }

    static String path(UUID workspace, String form) {
        return "/workspaces/" + workspace + "/settings" + form;
    }

    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication, UUID workspace) {
        return asAdmin(authentication, workspace, admin -> render(http, admin, HttpStatus.OK, null, null, Map.of()));
    }

    /** Runs {@code action} for a workspace admin whose post carries this browser's token for {@code form}. */
    HttpResponse<?> act(HttpRequest<?> http, @Nullable Authentication authentication, UUID workspace, String form,
                        @Nullable String csrf, Function<Admin, HttpResponse<?>> action) {
        return asAdmin(authentication, workspace, admin -> forms.isValid(http, path(workspace, form), csrf) ? action.apply(admin)
                : render(http, admin, HttpStatus.FORBIDDEN, new FieldError("form", PageForms.CSRF_INVALID,
                "This form expired. Please try again."), null, Map.of()));
    }

    /** After a change: the page again, at the section that changed (303, so a reload does not post twice). */
    static MutableHttpResponse<?> done(Admin admin, String section) {
        return LoginPageController.seeOther(path(admin.workspace().value(), "") + "#" + section);
    }

    MutableHttpResponse<?> render(HttpRequest<?> http, Admin admin, HttpStatus status, @Nullable FieldError error, @Nullable String notice,
                                  Map<String, String> values) {
        WorkspaceId workspace = admin.workspace();
        UserId user = admin.user();
        List<WorkspaceSettingsPage.MemberRow> members = workspaces.members(user, workspace).orElse(List.of()).stream()
                .map(member -> new WorkspaceSettingsPage.MemberRow(member.userId().value().toString(), member.email().value(),
                        member.fullName() == null ? "" : member.fullName(), member.role().wireName(), PageSessions.when(member.joinedAt()),
                        member.userId().equals(user)))
                .toList();
        List<WorkspaceSettingsPage.InvitationRow> invited = invitations.pending(user, workspace) instanceof InvitationList list
                ? list.invitations().stream().map(invitation -> new WorkspaceSettingsPage.InvitationRow(invitation.id().toString(),
                invitation.email().value(), invitation.role().wireName(), PageSessions.when(invitation.expiresAt()))).toList()
                : List.of();
        List<WorkspaceSettingsPage.DomainRow> claims = domains.list(user, workspace) instanceof DomainList list
                ? list.claims().stream().map(claim -> new WorkspaceSettingsPage.DomainRow(claim.domain(), claim.status().wireName(),
                claim.recordName(), claim.recordValue(), PageSessions.when(claim.verifiedAt()))).toList()
                : List.of();
        List<WorkspaceSettingsPage.EventRow> events = sso.events(user, workspace, EVENTS_SHOWN) instanceof SsoEventList list
                ? list.events().stream().map(event -> new WorkspaceSettingsPage.EventRow(PageSessions.when(event.at()), event.outcome().wireName(),
                event.code(), event.detail(), event.email() == null ? "" : event.email(), event.ip() == null ? "" : event.ip(), event.count()))
                .toList()
                : List.of();
        FormTokens.Secret secret = forms.secretFor(http);
        Map<String, String> csrf = new LinkedHashMap<>();
        FORMS.forEach(form -> csrf.put(form, forms.tokenFor(secret, path(workspace.value(), form))));
        WorkspaceSettingsPage page = new WorkspaceSettingsPage(workspace.value().toString(), admin.membership().workspace().name(), members,
                invited, claims, ssoOf(user, workspace), events, error, notice, csrf, values);
        return forms.remember(HttpResponse.status(status).body(new ModelAndView<>("workspace-settings", Map.of("page", page))), secret);
    }

    private WorkspaceSettingsPage.Sso ssoOf(UserId user, WorkspaceId workspace) {
        SpEndpoints sp = SpEndpoints.of(publicUrl, workspace);
        if (!(sso.get(user, workspace) instanceof SsoView view)) {
            return new WorkspaceSettingsPage.Sso(false, false, false, "", "", List.of(), "", sp.entityId(), sp.acsUrl(), sp.metadataUrl(),
                    false, "", "", String.join(" ", SsoConfiguration.OidcConnection.DEFAULT_SCOPES), false,
                    publicUrl.resolve(SsoConfigurationUseCase.OIDC_CALLBACK_PATH));
        }
        SsoConfiguration configuration = view.configuration();
        List<String> certificates = view.certificates().stream().map(WorkspaceSettingsPages::describe).toList();
        SsoConfiguration.OidcConnection oidc = configuration.oidc();
        return new WorkspaceSettingsPage.Sso(true, configuration.enabled(), configuration.enforceSso(), orEmpty(configuration.idpEntityId()),
                orEmpty(configuration.idpSsoUrl()), certificates, String.join(", ", configuration.emailDomains()), sp.entityId(), sp.acsUrl(),
                sp.metadataUrl(), configuration.protocol() == SsoProtocol.OIDC, oidc == null ? "" : oidc.issuer(),
                oidc == null ? "" : oidc.clientId(), String.join(" ", oidc == null ? SsoConfiguration.OidcConnection.DEFAULT_SCOPES : oidc.scopes()),
                oidc != null, view.oidcRedirectUri());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String describe(CertificateInfo certificate) {
        return certificate.subject() + " · valid until " + PageSessions.when(certificate.notAfter()) + " · SHA-256 "
                + certificate.sha256Fingerprint();
    }

    private HttpResponse<?> asAdmin(@Nullable Authentication authentication, UUID workspace, Function<Admin, HttpResponse<?>> then) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        if (caller.isEmpty()) {
            return PageSessions.signInFirst(path(workspace, ""));
        }
        Optional<WorkspaceRole> membership = workspaces.get(caller.get().userId(), new WorkspaceId(workspace));
        if (membership.isEmpty()) {
            return notice(HttpStatus.NOT_FOUND, new NoticePage("Workspace not found",
                    "There is no such workspace, or you are not one of its members.", AccountPageController.PATH, "Go to your account"));
        }
        if (!membership.get().role().isWorkspaceAdmin()) {
            return notice(HttpStatus.FORBIDDEN, new NoticePage("Only for workspace admins",
                    "Ask an owner or admin of " + membership.get().workspace().name() + " to change its settings.", AccountPageController.PATH,
                    "Go to your account"));
        }
        return then.apply(new Admin(caller.get(), membership.get()));
    }

    private static MutableHttpResponse<?> notice(HttpStatus status, NoticePage page) {
        return HttpResponse.status(status).body(new ModelAndView<>("notice", Map.of("page", page)));
    }
}
