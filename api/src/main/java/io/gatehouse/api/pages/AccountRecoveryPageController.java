package io.gatehouse.api.pages;

import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailOutcome;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailRefused;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailThrottled;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailVerified;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.MailAccepted;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.PasswordWasReset;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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

/**
 * Where mailed links land ({@code /verify-email?token=}, {@code /reset-password?token=}) and where a
 * forgotten password starts ({@code /forgot-password}), on the use cases of the JSON API's
 * {@code /auth/verify-email} and {@code /auth/password-reset}. A link's GET never acts (mail scanners
 * fetch links before people click them): it shows a form whose button POSTs.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class AccountRecoveryPageController {

    static final String VERIFY = "/verify-email";
    static final String FORGOT = "/forgot-password";
    static final String RESET = "/reset-password";
    private static final int MAX_TOKEN = 512;

    private final EmailOwnershipUseCase email;
    private final PageForms forms;
    private final ClientInfoResolver clients;

    AccountRecoveryPageController(EmailOwnershipUseCase email, PageForms forms, ClientInfoResolver clients) {
        this.email = email;
        this.forms = forms;
        this.clients = clients;
    }

    @Get(VERIFY)
    HttpResponse<?> showVerify(HttpRequest<?> http, @Nullable @QueryValue String token) {
        return forms.show(http, "verify-email", VERIFY, Map.of(), bounded(token));
    }

    @Post(value = VERIFY, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verify(HttpRequest<?> http, @Body Map<String, String> form) {
        String token = PageForms.field(form, "token", MAX_TOKEN);
        return forms.handle(http, form, "verify-email", VERIFY, Map.of(), token, () -> respond(email.verifyEmail(token), http, "verify-email",
                VERIFY, Map.of(), token));
    }

    @Get(FORGOT)
    HttpResponse<?> showForgot(HttpRequest<?> http) {
        return forms.show(http, "forgot-password", FORGOT, Map.of(), "");
    }

    @Post(value = FORGOT, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> forgot(HttpRequest<?> http, @Body Map<String, String> form) {
        Map<String, String> values = Map.of("email", PageForms.field(form, "email", 320).strip());
        return forms.handle(http, form, "forgot-password", FORGOT, values, "", () -> respond(
                email.requestPasswordReset(values.get("email"), clients.resolve(http)), http, "forgot-password", FORGOT, values, ""));
    }

    @Get(RESET)
    HttpResponse<?> showReset(HttpRequest<?> http, @Nullable @QueryValue String token) {
        return forms.show(http, "reset-password", RESET, Map.of(), bounded(token));
    }

    @Post(value = RESET, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(HttpRequest<?> http, @Body Map<String, String> form) {
        String token = PageForms.field(form, "token", MAX_TOKEN);
        return forms.handle(http, form, "reset-password", RESET, Map.of(), token, () -> respond(
                email.resetPassword(token, PageForms.field(form, "password", 4096)), http, "reset-password", RESET, Map.of(), token));
    }

    private HttpResponse<?> respond(EmailOutcome outcome, HttpRequest<?> http, String view, String action, Map<String, String> values,
                                    String token) {
        return switch (outcome) {
            case EmailVerified verified -> forms.notice(HttpStatus.OK, new NoticePage("Email confirmed",
                    verified.user().email().value() + " is confirmed.", "/account", "Continue to your account"));
            case MailAccepted accepted -> forms.notice(HttpStatus.ACCEPTED, new NoticePage("Check your email",
                    "If an account uses that address, a link to choose a new password is on its way. It works for 30 minutes.",
                    LoginPageController.ACTION, "Back to sign in"));
            case PasswordWasReset reset -> forms.notice(HttpStatus.OK, new NoticePage("Password changed",
                    "Your new password is set, and every session that was signed in has been signed out.",
                    LoginPageController.ACTION, "Sign in"));
            case EmailThrottled throttled -> forms.throttled(http, view, action, values, token, "form", throttled.retryAfter());
            case EmailRefused refused when refused.code() == ErrorCode.INVALID_TOKEN -> forms.notice(HttpStatus.BAD_REQUEST,
                    new NoticePage("This link no longer works", Messages.of(ErrorCode.INVALID_TOKEN),
                            view.equals("verify-email") ? "/account" : FORGOT, view.equals("verify-email") ? "Go to your account" : "Ask for a new link"));
            case EmailRefused refused -> forms.refused(http, view, action, values, token, HttpStatus.BAD_REQUEST,
                    new FieldError(pageField(refused.field()), refused.code().code(), Messages.of(refused.code())));
        };
    }

    /** The page's field for the JSON API's field name (the reset page's one password field is the API's new_password). */
    private static String pageField(@Nullable String apiField) {
        return apiField == null ? "form" : apiField.equals("new_password") ? "password" : apiField;
    }

    private static String bounded(@Nullable String token) {
        return token == null || token.length() > MAX_TOKEN ? "" : token;
    }
}
