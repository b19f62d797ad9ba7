package io.gatehouse.api.pages;

import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.LinkConfirmationCookie;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.EnableSsoUseCase;
import io.gatehouse.domain.port.in.EnableSsoUseCase.LinkProposal;
import io.gatehouse.domain.port.in.EnableSsoUseCase.SsoEnabled;
import io.gatehouse.domain.port.in.SsoRefused;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /link-account}: where a browser lands when its IdP asserted the email of an existing account that is
 * not linked to that IdP yet. Nothing is linked silently (an IdP could otherwise take over any account whose
 * email it asserts): the account's owner confirms with its password, through the use case of
 * {@code POST /api/v1/me/enable_sso}, with its throttle. The confirmation code came in an HttpOnly cookie
 * set by the ACS; it is cleared once used or dead.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class LinkAccountPageController {

    static final String PATH = "/link-account";
    private static final String VIEW = "link-account";
    private static final int MAX_PASSWORD = 4096;

    private final EnableSsoUseCase enableSso;
    private final LinkConfirmationCookie codes;
    private final SessionCookies sessions;
    private final PageForms forms;
    private final RedirectPolicy redirects;
    private final ClientInfoResolver clients;

    LinkAccountPageController(EnableSsoUseCase enableSso, LinkConfirmationCookie codes, SessionCookies sessions, PageForms forms,
                              RedirectPolicy redirects, ClientInfoResolver clients) {
        this.enableSso = enableSso;
        this.codes = codes;
        this.sessions = sessions;
        this.forms = forms;
        this.redirects = redirects;
        this.clients = clients;
    }

    @Get(PATH)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable @QueryValue("continue") String continueTo) {
        Optional<LinkProposal> proposal = codes.read(http).flatMap(enableSso::proposal);
        if (proposal.isEmpty()) {
            return nothingToConfirm();
        }
        return forms.show(http, VIEW, PATH, values(proposal.get(), continueTo), "");
    }

    @Post(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> http, @Body Map<String, String> form) {
        Optional<String> code = codes.read(http);
        Optional<LinkProposal> proposal = code.flatMap(enableSso::proposal);
        if (proposal.isEmpty()) {
            return nothingToConfirm();
        }
        Map<String, String> values = values(proposal.get(), form.get("continue"));
        return forms.handle(http, form, VIEW, PATH, values, "", () -> switch (enableSso.enableSso(code.get(), null,
                PageForms.field(form, "password", MAX_PASSWORD), clients.resolve(http))) {
            case SsoEnabled enabled -> codes.clear(sessions.set(LoginPageController.leaveTo(values.get("continue").isEmpty()
                    ? AccountPageController.PATH : values.get("continue")), enabled.secret()));
            case AuthenticationFailure.Throttled throttled -> forms.throttled(http, VIEW, PATH, values, "", "password", throttled.retryAfter());
            case AuthenticationFailure failure -> forms.refused(http, VIEW, PATH, values, "", failure instanceof AuthenticationFailure.InvalidCredentials
                    ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, new FieldError("password", failure.code().code(), passwordMessage(failure.code())));
            case SsoRefused refused -> codes.clear(forms.notice(HttpStatus.GONE, new NoticePage("This confirmation no longer works",
                    refusedMessage(refused.code()), LoginPageController.ACTION, "Sign in again")));
        });
    }

    /** The page's fields: the account to link, and where to go afterwards when it is a target Gatehouse trusts. */
    private Map<String, String> values(LinkProposal proposal, @Nullable String continueTo) {
        String target = continueTo == null || continueTo.isEmpty() ? "" : redirects.check(continueTo).orElse("");
        return Map.of("email", proposal.accountEmail(), "continue", target);
    }

    private MutableHttpResponse<?> nothingToConfirm() {
        return codes.clear(forms.notice(HttpStatus.GONE, new NoticePage("Nothing to confirm",
                "There is no sign-in waiting for confirmation in this browser, or it expired. Sign in through your organization again.",
                LoginPageController.ACTION, "Sign in")));
    }

    private static String passwordMessage(ErrorCode code) {
        return code == ErrorCode.INVALID_CREDENTIALS ? "That is not this account's password." : Messages.of(code);
    }

    private static String refusedMessage(ErrorCode code) {
        return switch (code) {
            case CONFIRMATION_EXPIRED -> Messages.of(code);
            case SSO_NOT_CONFIGURED -> "Your organization turned single sign-on off meanwhile.";
            default -> "The confirmation was already used. Sign in through your organization again to start over.";
        };
    }
}
