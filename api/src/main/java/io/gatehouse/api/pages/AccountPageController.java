package io.gatehouse.api.pages;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.gatehouse.domain.port.in.AccountUseCase.ChangePasswordCommand;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChangeRejected;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChangeThrottled;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChanged;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * The signed-in person's account page, with its sessions (sign out any other, or this browser) and password
 * forms, on the use cases of {@code /api/v1/me/sessions}, {@code /api/v1/auth/logout} and {@code /api/v1/me/password}.
 * Tokens, the developer key and linked sign-ins have their own controllers; all share {@link AccountPages}.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class AccountPageController {

    static final String PATH = AccountPages.PATH;
    private static final int MAX_PASSWORD = 4096;

    private final AccountPages pages;
    private final AccountUseCase accounts;
    private final ManageSessionsUseCase sessions;
    private final SessionCookies cookies;
    private final FormTokens forms;
    private final ClientInfoResolver clients;

    AccountPageController(AccountPages pages, AccountUseCase accounts, ManageSessionsUseCase sessions, SessionCookies cookies,
                          FormTokens forms, ClientInfoResolver clients) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookies = cookies;
        this.forms = forms;
        this.clients = clients;
    }

    @Get(PATH)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication) {
        return pages.show(http, authentication);
    }

    @Post(value = AccountPages.REVOKE_SESSION, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revokeSession(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return pages.act(http, authentication, AccountPages.REVOKE_SESSION, form.get(FormTokens.FIELD), caller -> {
            PageSessions.id(form.get("id")).ifPresent(id -> sessions.revoke(caller.userId(), new SessionId(id)));
            return LoginPageController.seeOther(PATH);
        });
    }

    /** Every other session ends with the change (OWASP Session Management); this browser stays signed in. */
    @Post(value = AccountPages.CHANGE_PASSWORD, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePassword(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return pages.act(http, authentication, AccountPages.CHANGE_PASSWORD, form.get(FormTokens.FIELD), caller -> switch (accounts.changePassword(
                new ChangePasswordCommand(caller.userId(), caller.sessionId().orElseThrow(), PageForms.field(form, "current_password", MAX_PASSWORD),
                        PageForms.field(form, "new_password", MAX_PASSWORD), clients.resolve(http)))) {
            case PasswordChanged changed -> pages.render(http, caller, HttpStatus.OK,
                    AccountPages.Flash.notice("Your password is changed. Every other session was signed out."));
            case PasswordChangeThrottled throttled -> pages.render(http, caller, HttpStatus.TOO_MANY_REQUESTS, AccountPages.Flash.error(
                            new FieldError("current_password", ErrorCode.TOO_MANY_ATTEMPTS.code(), Messages.of(ErrorCode.TOO_MANY_ATTEMPTS))))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            case PasswordChangeRejected rejected -> pages.render(http, caller, Problems.statusOf(rejected.code()), AccountPages.Flash.error(
                    new FieldError(rejected.field() == null ? "current_password" : rejected.field(), rejected.code().code(),
                            rejected.field() != null && rejected.field().equals("current_password") ? "That is not your current password."
                                    : Messages.of(rejected.code()))));
        });
    }

    @Post(value = AccountPages.LOGOUT, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (!forms.isValid(http, AccountPages.LOGOUT, form.get(FormTokens.FIELD))) {
            return AccountPages.expired();
        }
        PageSessions.caller(authentication).ifPresent(caller -> sessions.logout(caller.userId(), caller.sessionId().orElseThrow(), false));
        return cookies.clear(LoginPageController.seeOther(LoginPageController.ACTION));
    }
}
