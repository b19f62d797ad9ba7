package io.gatehouse.api.session;

import io.gatehouse.api.account.UserResponse;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.BasicCredentials;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.api.token.AuthenticationProblems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoginOutcome;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.PasswordLoginCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sessions")
class LoginController {

    private final PasswordLoginUseCase login;
    private final ManageSessionsUseCase sessions;
    private final SessionCookies cookies;
    private final RedirectPolicy redirects;
    private final ClientInfoResolver clients;

    LoginController(PasswordLoginUseCase login, ManageSessionsUseCase sessions, SessionCookies cookies,
                    RedirectPolicy redirects, ClientInfoResolver clients) {
        this.login = login;
        this.sessions = sessions;
        this.cookies = cookies;
        this.redirects = redirects;
        this.clients = clients;
    }

    @Serdeable
    record LoginRequest(@NotNull @Size(max = 320) String email, @NotNull @Size(max = 4096) String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=redacted]";
        }
    }

    @Serdeable
    record LoginResponse(UserResponse user) {
    }

    @Serdeable
    record BumpResponse(Instant lastLoginTime) {
    }

    @Post("/login")
    @ApiResponse(responseCode = "200", description = "logged in; Set-Cookie gatehouse_session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoginResponse.class)))
    @ApiResponse(responseCode = "302", description = "logged in, redirected to the validated redirect")
    @ApiResponse(responseCode = "400", description = "invalid_redirect, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "403", description = "account_suspended", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts (Retry-After)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Log in with a JSON body or HTTP Basic; sets the session cookie")
    HttpResponse<?> login(HttpRequest<?> http, @Valid @Nullable @Body LoginRequest body, @Nullable @QueryValue String redirect) {
        Optional<String> target = Optional.empty();
        if (redirect != null) {
            target = redirects.check(redirect);
            if (target.isEmpty()) {
                return invalidRedirect();
            }
        }
        Optional<BasicCredentials> basic = BasicCredentials.from(http);
        if (body == null && basic.isEmpty()) {
            return Problems.response(ErrorCode.VALIDATION_FAILED,
                    "send {email, password} as JSON, or HTTP Basic credentials", null);
        }
        String email = body != null ? body.email() : basic.get().email();
        String password = body != null ? body.password() : basic.get().password();
        LoginOutcome outcome = login.login(new PasswordLoginCommand(email, password, clients.resolve(http)));
        return switch (outcome) {
            case LoggedIn loggedIn -> {
                MutableHttpResponse<?> response = target.isPresent()
                        ? found(target.get())
                        : HttpResponse.ok(new LoginResponse(UserResponse.of(loggedIn.user())));
                yield cookies.set(response, loggedIn.secret());
            }
            case AuthenticationFailure failure -> AuthenticationProblems.of(failure);
        };
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "End the current session, or with all=true every session of the user; clears the cookie")
    HttpResponse<?> logout(@Nullable Authentication authentication, @Nullable @QueryValue Boolean all,
                           @Nullable @QueryValue String redirect) {
        Optional<String> target = Optional.empty();
        if (redirect != null) {
            target = redirects.check(redirect);
            if (target.isEmpty()) {
                return invalidRedirect();
            }
        }
        if (authentication != null) {
            Caller caller = Caller.of(authentication);
            boolean everywhere = Boolean.TRUE.equals(all);
            if (everywhere || caller.sessionId().isPresent()) {
                sessions.logout(caller.userId(), caller.sessionId().orElse(null), everywhere);
            }
        }
        MutableHttpResponse<?> response = target.isPresent()
                ? found(target.get())
                : HttpResponse.noContent();
        return cookies.clear(response);
    }

    @Post("/bump")
    @ApiResponse(responseCode = "200", description = "recorded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BumpResponse.class)))
    @ApiResponse(responseCode = "401", description = "unauthenticated", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Record activity: refreshes the session and the user's last login time")
    HttpResponse<?> bump(@CurrentCaller Caller caller) {
        return HttpResponse.ok(new BumpResponse(sessions.bump(caller.userId(), caller.sessionId().orElse(null))));
    }

    private static MutableHttpResponse<?> found(String target) {
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target);
    }

    private static HttpResponse<?> invalidRedirect() {
        return Problems.fieldProblem(ErrorCode.INVALID_REDIRECT, "redirect",
                "redirect must be a relative path such as /home, or a URL on an allowed origin");
    }
}
