package io.gatehouse.api.pages;

import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person's account page, and signing out. Without a session the page sends the browser to
 * sign in and back here. Signing out is a POST with this browser's token for it (and the Origin check
 * every cookie-authenticated POST gets), never a GET a link or an image could trigger.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class AccountPageController {

    static final String PATH = "/account";
    static final String LOGOUT = "/logout";

    private final AccountUseCase accounts;
    private final ManageSessionsUseCase sessions;
    private final SessionCookies cookies;
    private final FormTokens forms;

    AccountPageController(AccountUseCase accounts, ManageSessionsUseCase sessions, SessionCookies cookies, FormTokens forms) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookies = cookies;
        this.forms = forms;
    }

    @Get(PATH)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication) {
        Optional<AccountUseCase.Profile> profile = authentication == null ? Optional.empty()
                : accounts.profile(Caller.of(authentication).userId());
        if (profile.isEmpty()) {
            return LoginPageController.seeOther(LoginPageController.ACTION + "?continue=" + PATH);
        }
        User user = profile.get().user();
        FormTokens.Secret secret = forms.secretFor(http);
        AccountPage page = new AccountPage(user.fullName() == null ? "" : user.fullName(), user.email().value(), user.emailVerified(),
                forms.tokenFor(secret, LOGOUT));
        return forms.remember(HttpResponse.ok(new ModelAndView<>("account", Map.of("page", page))), secret);
    }

    @Post(value = LOGOUT, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (!forms.isValid(http, LOGOUT, form.get(FormTokens.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("expired", Map.of()));
        }
        if (authentication != null) {
            Caller caller = Caller.of(authentication);
            caller.sessionId().ifPresent(session -> sessions.logout(caller.userId(), session, false));
        }
        return cookies.clear(LoginPageController.seeOther(LoginPageController.ACTION));
    }
}
