package io.gatehouse.api.pages;

import io.gatehouse.api.security.Caller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.InvitationUseCase;
import io.gatehouse.domain.port.in.InvitationUseCase.AddressedList;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationRefused;
import io.gatehouse.domain.port.in.InvitationUseCase.Joined;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /invitations}, where the invitation mail's link lands: the invitations addressed to the signed-in person,
 * accepted with a button (a POST: the link itself never acts), on the use case of {@code /api/v1/me/invitations}
 * with its rules (an unverified address cannot accept) and codes. Without a session it asks to sign in first.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class InvitationsPageController {

    static final String PATH = "/invitations";
    static final String ACCEPT = "/invitations/accept";

    private final InvitationUseCase invitations;
    private final FormTokens forms;

    InvitationsPageController(InvitationUseCase invitations, FormTokens forms) {
        this.invitations = invitations;
        this.forms = forms;
    }

    @Get(PATH)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        return caller.isEmpty() ? PageSessions.signInFirst(PATH) : page(http, caller.get(), HttpStatus.OK, null, null);
    }

    @Post(value = ACCEPT, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        if (caller.isEmpty()) {
            return PageSessions.signInFirst(PATH);
        }
        if (!forms.isValid(http, ACCEPT, form.get(FormTokens.FIELD))) {
            return page(http, caller.get(), HttpStatus.FORBIDDEN, null,
                    new FieldError("form", PageForms.CSRF_INVALID, "This form expired. Please try again."));
        }
        Optional<UUID> id = PageSessions.id(form.get("id"));
        if (id.isEmpty()) {
            return page(http, caller.get(), HttpStatus.NOT_FOUND, null, refusal(ErrorCode.NOT_FOUND));
        }
        // The name shown after joining is the workspace's own, read before the invitation is spent.
        String workspace = addressed(caller.get()).stream().filter(row -> row.id().equals(id.get().toString()))
                .map(InvitationsPage.Row::workspace).findFirst().orElse("the workspace");
        var outcome = invitations.accept(caller.get().userId(), id.get());
        return switch (outcome) {
            case Joined joined -> page(http, caller.get(), HttpStatus.OK, workspace, null);
            case InvitationRefused refused -> page(http, caller.get(), status(refused.code()), null, refusal(refused.code()));
            default -> throw new IllegalStateException("accepting an invitation cannot answer " + outcome);
        };
    }

    private MutableHttpResponse<?> page(HttpRequest<?> http, Caller caller, HttpStatus status, @Nullable String joined,
                                        @Nullable FieldError error) {
        List<InvitationsPage.Row> rows = addressed(caller);
        FormTokens.Secret secret = forms.secretFor(http);
        InvitationsPage page = new InvitationsPage(rows, joined, error, forms.tokenFor(secret, ACCEPT));
        return forms.remember(HttpResponse.status(status).body(new ModelAndView<>("invitations", Map.of("page", page))), secret);
    }

    private List<InvitationsPage.Row> addressed(Caller caller) {
        var outcome = invitations.mine(caller.userId());
        return switch (outcome) {
            case AddressedList list -> list.invitations().stream()
                    .map(addressed -> new InvitationsPage.Row(addressed.invitation().id().toString(), addressed.workspace().name(),
                            addressed.invitation().role().wireName(), addressed.inviterEmail().value(),
                            PageSessions.when(addressed.invitation().expiresAt())))
                    .toList();
            default -> throw new IllegalStateException("listing one's invitations cannot answer " + outcome);
        };
    }

    private static FieldError refusal(ErrorCode code) {
        return new FieldError("form", code.code(), Messages.of(code));
    }

    private static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case EMAIL_NOT_VERIFIED -> HttpStatus.FORBIDDEN;
            case INVITATION_EXPIRED -> HttpStatus.GONE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
