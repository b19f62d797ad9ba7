package io.gatehouse.api.pages;

import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase.CreateRejected;
import io.gatehouse.domain.port.in.ApiTokenUseCase.Created;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person's account page: profile, sessions (revoke any other), API tokens (create, with the
 * secret shown once; delete), and signing out. The page and its forms need a browser session: a bearer
 * token (possibly scoped to one workspace) cannot drive them. Every form posts with this browser's token
 * for it, on top of the Origin check every cookie-authenticated POST gets; nothing acts on a GET. The
 * actions run the use cases of {@code /api/v1/me/sessions} and {@code /api/v1/me/api-tokens}.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class AccountPageController {

    static final String PATH = "/account";
    static final String LOGOUT = "/logout";
    static final String REVOKE_SESSION = "/account/sessions/revoke";
    static final String CREATE_TOKEN = "/account/api-tokens";
    static final String DELETE_TOKEN = "/account/api-tokens/delete";
    private static final List<String> ACTIONS = List.of(LOGOUT, REVOKE_SESSION, CREATE_TOKEN, DELETE_TOKEN);

    private final AccountUseCase accounts;
    private final ManageSessionsUseCase sessions;
    private final ApiTokenUseCase apiTokens;
    private final SessionCookies cookies;
    private final FormTokens forms;

    AccountPageController(AccountUseCase accounts, ManageSessionsUseCase sessions, ApiTokenUseCase apiTokens, SessionCookies cookies,
                          FormTokens forms) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.cookies = cookies;
        this.forms = forms;
    }

    @Get(PATH)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        return caller.isEmpty() ? PageSessions.signInFirst(PATH) : page(http, caller.get(), HttpStatus.OK, null, null);
    }

    @Post(value = REVOKE_SESSION, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revokeSession(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return act(http, authentication, form, REVOKE_SESSION, caller -> {
            PageSessions.id(form.get("id")).ifPresent(id -> sessions.revoke(caller.userId(), new SessionId(id)));
            return LoginPageController.seeOther(PATH);
        });
    }

    @Post(value = CREATE_TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createToken(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return act(http, authentication, form, CREATE_TOKEN, caller -> {
            String note = PageForms.field(form, "note", ApiToken.MAX_NOTE_LENGTH).strip();
            return switch (apiTokens.create(caller.userId(), note.isEmpty() ? null : note, null, Optional.empty())) {
                case Created created -> page(http, caller, HttpStatus.CREATED, created.secret(), null);
                case CreateRejected rejected -> page(http, caller, HttpStatus.BAD_REQUEST, null,
                        new FieldError("note", rejected.code().code(), Messages.of(rejected.code())));
            };
        });
    }

    @Post(value = DELETE_TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteToken(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return act(http, authentication, form, DELETE_TOKEN, caller -> {
            PageSessions.id(form.get("id")).ifPresent(id -> apiTokens.delete(caller.userId(), new ApiTokenId(id)));
            return LoginPageController.seeOther(PATH);
        });
    }

    @Post(value = LOGOUT, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        if (!forms.isValid(http, LOGOUT, form.get(FormTokens.FIELD))) {
            return expired();
        }
        PageSessions.caller(authentication).ifPresent(caller -> sessions.logout(caller.userId(), caller.sessionId().orElseThrow(), false));
        return cookies.clear(LoginPageController.seeOther(LoginPageController.ACTION));
    }

    private HttpResponse<?> act(HttpRequest<?> http, @Nullable Authentication authentication, Map<String, String> form, String action,
                                java.util.function.Function<Caller, HttpResponse<?>> onValid) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        if (caller.isEmpty()) {
            return PageSessions.signInFirst(PATH);
        }
        if (!forms.isValid(http, action, form.get(FormTokens.FIELD))) {
            return expired();
        }
        return onValid.apply(caller.get());
    }

    private MutableHttpResponse<?> page(HttpRequest<?> http, Caller caller, HttpStatus status, @Nullable String newToken,
                                        @Nullable FieldError error) {
        Optional<AccountUseCase.Profile> profile = accounts.profile(caller.userId());
        if (profile.isEmpty()) {
            return PageSessions.signInFirst(PATH);
        }
        User user = profile.get().user();
        List<AccountPage.SessionRow> sessionRows = sessions.list(caller.userId(), caller.sessionId().orElseThrow()).stream()
                .map(view -> new AccountPage.SessionRow(view.session().id().value().toString(), device(view.session().userAgent()),
                        PageSessions.when(view.session().createdAt()), PageSessions.when(view.session().lastSeenAt()), view.session().authMethod().wireName(),
                        view.current()))
                .toList();
        List<AccountPage.TokenRow> tokenRows = apiTokens.listMine(caller.userId()).stream()
                .map(token -> new AccountPage.TokenRow(token.id().value().toString(), token.note() == null ? "" : token.note(),
                        token.tokenPrefix(), PageSessions.when(token.createdAt()), PageSessions.when(token.expiresAt()), PageSessions.when(token.lastUsedAt())))
                .toList();
        FormTokens.Secret secret = forms.secretFor(http);
        Map<String, String> csrf = new LinkedHashMap<>();
        ACTIONS.forEach(action -> csrf.put(action, forms.tokenFor(secret, action)));
        AccountPage page = new AccountPage(user.fullName() == null ? "" : user.fullName(), user.email().value(), user.emailVerified(),
                sessionRows, tokenRows, newToken, error, csrf);
        return forms.remember(HttpResponse.status(status).body(new ModelAndView<>("account", Map.of("page", page))), secret);
    }

    private static HttpResponse<?> expired() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("expired", Map.of()));
    }

    private static String device(@Nullable String userAgent) {
        return userAgent == null || userAgent.isBlank() ? "Unknown device" : userAgent.length() > 80 ? userAgent.substring(0, 80) + "…" : userAgent;
    }
}
