package io.gatehouse.api.oauth;

import io.gatehouse.api.pages.NoticePage;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.port.in.AuthenticateSessionUseCase;
import io.gatehouse.domain.port.in.EndSessionUseCase;
import io.gatehouse.domain.port.in.EndSessionUseCase.EndSessionRefused;
import io.gatehouse.domain.port.in.EndSessionUseCase.SessionEnded;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;

/** RP-initiated logout 1.0: the application sends the browser here with an ID token it was given. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OpenID Provider")
class LogoutController {

    static final String PATH = "/oauth2/logout";

    private final EndSessionUseCase endSession;
    private final AuthenticateSessionUseCase sessions;
    private final SessionCookies cookies;

    LogoutController(EndSessionUseCase endSession, AuthenticateSessionUseCase sessions, SessionCookies cookies) {
        this.endSession = endSession;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Get(PATH + "{?id_token_hint,post_logout_redirect_uri,state,client_id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "End the person's session (id_token_hint required), then 302 to a registered post_logout_redirect_uri with state")
    HttpResponse<?> logout(HttpRequest<?> http, @Nullable @QueryValue("id_token_hint") String idTokenHint,
                           @Nullable @QueryValue("post_logout_redirect_uri") String postLogoutRedirectUri, @Nullable @QueryValue String state,
                           @Nullable @QueryValue("client_id") String clientId) {
        var current = SessionCookies.read(http).flatMap(sessions::authenticate);
        return switch (endSession.endSession(idTokenHint, postLogoutRedirectUri, clientId, current)) {
            case EndSessionRefused refused -> HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>("notice", Map.of("page", new NoticePage("Sign-out refused",
                            "The application's sign-out request cannot be answered: " + refused.description() + ".", "/", "Continue"))));
            case SessionEnded ended when ended.redirectUri() != null -> cookies.clear(HttpResponse.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, Optional.ofNullable(state).filter(s -> s.length() <= 1024)
                            .map(s -> UriBuilder.of(ended.redirectUri()).queryParam("state", s).build().toString())
                            .orElse(ended.redirectUri())));
            case SessionEnded ended -> cookies.clear(HttpResponse.ok().contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>("notice", Map.of("page", new NoticePage("Signed out", "You are signed out of Gatehouse.",
                            "/login", "Sign in again")))));
        };
    }
}
