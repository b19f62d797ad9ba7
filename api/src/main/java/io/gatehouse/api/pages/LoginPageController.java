package io.gatehouse.api.pages;

import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.PasswordLoginCommand;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase.SendToSso;
import io.gatehouse.api.security.OidcFlowCookie;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in page, email first: an email whose domain a workspace has verified for SSO goes to that
 * workspace's IdP, any other gets the password step. Both steps run the same use cases, throttles and
 * problem codes as {@code GET /api/v1/auth/saml2/login} and {@code POST /api/v1/auth/login}.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class LoginPageController {

    static final String ACTION = "/login";
    private static final int MAX_EMAIL = 320;
    private static final int MAX_PASSWORD = 4096;

    private final PasswordLoginUseCase login;
    private final StartSsoLoginUseCase sso;
    private final OidcFlowCookie flows;
    private final SessionCookies cookies;
    private final FormTokens forms;
    private final RedirectPolicy redirects;
    private final ClientInfoResolver clients;
    private final OidcLoginUseCase oidc;

    LoginPageController(PasswordLoginUseCase login, StartSsoLoginUseCase sso, OidcFlowCookie flows, SessionCookies cookies, FormTokens forms,
                        RedirectPolicy redirects, ClientInfoResolver clients, OidcLoginUseCase oidc) {
        this.oidc = oidc;
        this.login = login;
        this.sso = sso;
        this.flows = flows;
        this.cookies = cookies;
        this.forms = forms;
        this.redirects = redirects;
        this.clients = clients;
    }

    /** {@code GET /}: the account with a session, else the sign-in page. */
    @Get("/")
    HttpResponse<?> root(@Nullable Authentication authentication) {
        return seeOther(authentication != null ? AccountPageController.PATH : ACTION);
    }

    @Get(ACTION)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable @QueryValue("continue") String continueTo,
                         @Nullable @QueryValue("login_hint") String loginHint) {
        FormTokens.Secret secret = forms.secretFor(http);
        Optional<String> target = checked(continueTo);
        FieldError error = target.isEmpty() && continueTo != null ? invalidContinue() : null;
        // An application's login_hint (OpenID Connect Core 3.1.2.1) is the email step already taken: an SSO domain goes
        // straight to its IdP, any other address to the password step.
        if (error == null && loginHint != null && loginHint.length() <= MAX_EMAIL && Email.parse(loginHint.strip()).isPresent()) {
            return emailStep(http, secret, forms.tokenFor(secret, ACTION), loginHint.strip(), target);
        }
        return page(HttpStatus.OK, secret, new LoginPage("", false, error, target.orElse(""), forms.tokenFor(secret, ACTION)));
    }

    @Post(value = ACTION, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> http, @Body Map<String, String> form) {
        FormTokens.Secret secret = forms.secretFor(http);
        String token = forms.tokenFor(secret, ACTION);
        String email = PageForms.field(form, "email", MAX_EMAIL).strip();
        String password = PageForms.field(form, "password", MAX_PASSWORD);
        String continueTo = form.getOrDefault("continue", "");
        Optional<String> target = checked(continueTo.isEmpty() ? null : continueTo);
        if (!forms.isValid(http, ACTION, form.get(FormTokens.FIELD))) {
            // A post without this browser's token for this form: another site's, or a page from before the cookie.
            return page(HttpStatus.FORBIDDEN, secret, new LoginPage(email, false, new FieldError("form", PageForms.CSRF_INVALID,
                    "This form expired. Please try again."), target.orElse(""), token));
        }
        if (target.isEmpty() && !continueTo.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, secret, new LoginPage(email, false, invalidContinue(), "", token));
        }
        if (email.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, secret, new LoginPage(email, false,
                    new FieldError("email", ErrorCode.VALIDATION_FAILED.code(), "Enter your email address."), target.orElse(""), token));
        }
        if (password.isEmpty()) {
            return emailStep(http, secret, token, email, target);
        }
        return switch (login.login(new PasswordLoginCommand(email, password, clients.resolve(http)))) {
            case LoggedIn loggedIn -> cookies.set(leaveTo(target.orElse(AccountPageController.PATH)), loggedIn.secret());
            case AuthenticationFailure failure -> passwordRefused(secret, token, email, target, failure);
        };
    }

    private HttpResponse<?> emailStep(HttpRequest<?> http, FormTokens.Secret secret, String token, String email, Optional<String> target) {
        // After the IdP, the ACS sends the browser on to where it was going, else to the account page (never to JSON).
        return switch (sso.startLogin(email, null, null, target.orElse(AccountPageController.PATH), clients.resolve(http),
                flows.read(http).orElse(null))) {
            case SendToSso send -> {
                MutableHttpResponse<?> leave = forms.remember(HttpResponse.ok(new ModelAndView<>("redirect",
                        Map.of("page", new RedirectPage(send.url())))), secret);
                // An OpenID Connect IdP: the flow cookie binds the sign-in to this browser (SAML needs none).
                yield send.browserSecret() == null ? leave : flows.set(leave, send.browserSecret());
            }
            case SsoRefused refused when refused.code() == ErrorCode.SSO_NOT_CONFIGURED ->
                    page(HttpStatus.OK, secret, new LoginPage(email, true, null, target.orElse(""), token));
            case SsoRefused refused -> page(HttpStatus.BAD_REQUEST, secret, new LoginPage(email, false,
                    new FieldError("email", refused.code().code(), Messages.of(refused.code())), target.orElse(""), token));
            case SsoThrottled throttled -> retryAfter(page(HttpStatus.TOO_MANY_REQUESTS, secret, new LoginPage(email, false,
                    new FieldError("email", ErrorCode.TOO_MANY_ATTEMPTS.code(), Messages.of(ErrorCode.TOO_MANY_ATTEMPTS)),
                    target.orElse(""), token)), throttled.retryAfter().toSeconds());
        };
    }

    private MutableHttpResponse<?> passwordRefused(FormTokens.Secret secret, String token, String email, Optional<String> target,
                                                   AuthenticationFailure failure) {
        FieldError error = new FieldError("password", failure.code().code(), Messages.of(failure.code()));
        LoginPage again = new LoginPage(email, true, error, target.orElse(""), token);
        return switch (failure) {
            case AuthenticationFailure.InvalidCredentials invalid -> page(HttpStatus.UNAUTHORIZED, secret, again);
            case AuthenticationFailure.Throttled throttled ->
                    retryAfter(page(HttpStatus.TOO_MANY_REQUESTS, secret, again), throttled.retryAfter().toSeconds());
            case AuthenticationFailure.Suspended suspended -> page(HttpStatus.FORBIDDEN, secret, again);
            case AuthenticationFailure.SsoRequired required -> page(HttpStatus.FORBIDDEN, secret, again);
        };
    }

    private Optional<String> checked(@Nullable String continueTo) {
        return continueTo == null || continueTo.isEmpty() ? Optional.empty() : redirects.check(continueTo);
    }

    private static FieldError invalidContinue() {
        return new FieldError("form", ErrorCode.INVALID_REDIRECT.code(), Messages.of(ErrorCode.INVALID_REDIRECT));
    }

    private MutableHttpResponse<?> page(HttpStatus status, FormTokens.Secret secret, LoginPage page) {
        return forms.remember(HttpResponse.status(status).body(new ModelAndView<>("login", Map.of("page", page, "providers",
                providerButtons(page.continueTo())))), secret);
    }

    /** One button per instance provider: a plain link to the start of a sign-in with it, which returns where this one would. */
    private List<ProviderButton> providerButtons(String continueTo) {
        String redirect = URLEncoder.encode(continueTo.isEmpty() ? AccountPageController.PATH : continueTo, StandardCharsets.UTF_8);
        return oidc.providers().stream().map(provider -> new ProviderButton(provider.name(), provider.displayName(),
                "/api/v1/auth/oidc/" + provider.name() + "/login?redirect=" + redirect)).toList();
    }

    private static MutableHttpResponse<?> retryAfter(MutableHttpResponse<?> response, long seconds) {
        return response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
    }

    /**
     * Where a signed-in person goes after a form: a 303, except back to the authorization endpoint, whose answer
     * redirects to the application's site; the CSP's form-action 'self' would block that redirect after a form post
     * (browsers apply it to the redirects a submission follows), so the browser leaves by the meta-refresh page.
     */
    static MutableHttpResponse<?> leaveTo(String location) {
        return location.startsWith("/oauth2/authorize?")
                ? HttpResponse.ok(new ModelAndView<>("redirect", Map.of("page", new RedirectPage(location))))
                : seeOther(location);
    }

    static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location);
    }
}
