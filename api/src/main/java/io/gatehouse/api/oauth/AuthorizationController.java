package io.gatehouse.api.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.api.pages.NoticePage;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.port.in.AuthenticateSessionUseCase;
import io.gatehouse.domain.port.in.AuthorizeUseCase;
import io.gatehouse.domain.port.in.AuthorizeUseCase.AuthorizeRequest;
import io.gatehouse.domain.port.in.AuthorizeUseCase.CodeIssued;
import io.gatehouse.domain.port.in.AuthorizeUseCase.ErrorToClient;
import io.gatehouse.domain.port.in.AuthorizeUseCase.NotForClient;
import io.gatehouse.domain.port.in.AuthorizeUseCase.SignInFirst;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint (OpenID Connect Core 3.1.2). Nimbus's SDK parses the request and builds the answer (with
 * RFC 9207's {@code iss}); the decision is {@link AuthorizeUseCase}'s. Without a session the browser goes to the hosted
 * sign-in page, which comes back here ({@code login_hint} carries the address, so an SSO domain goes straight to its IdP).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OpenID Provider")
class AuthorizationController {

    static final String PATH = "/oauth2/authorize";
    /** RFC 6749 3.1: a parameter sent more than once makes the request invalid. */
    private static final Set<String> SINGLE = Set.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
            "code_challenge", "code_challenge_method", "prompt", "max_age", "login_hint", "response_mode");
    private static final int MAX_QUERY = 8192;

    private final AuthorizeUseCase authorize;
    private final AuthenticateSessionUseCase sessions;
    private final Issuer issuer;

    AuthorizationController(AuthorizeUseCase authorize, AuthenticateSessionUseCase sessions, PublicUrl publicUrl) {
        this.authorize = authorize;
        this.sessions = sessions;
        this.issuer = new Issuer(OpenIdConfigurationController.issuer(publicUrl));
    }

    @Get(PATH)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Authorization code flow with PKCE S256: 302 to the redirect URI with code, state and iss, or to the sign-in page first")
    HttpResponse<?> authorize(HttpRequest<?> http) {
        String query = http.getUri().getRawQuery();
        if (query == null || query.length() > MAX_QUERY) {
            return errorPage("The application's sign-in request is missing or too long.");
        }
        Map<String, List<String>> params = URLUtils.parseParameters(query);
        String clientId = first(params, "client_id");
        String redirectUri = first(params, "redirect_uri");
        boolean repeated = SINGLE.stream().anyMatch(name -> params.getOrDefault(name, List.of()).size() > 1);
        AuthenticationRequest parsed = null;
        ErrorObject parseProblem = repeated ? new ErrorObject("invalid_request", "a parameter was sent more than once") : null;
        if (!repeated) {
            try {
                parsed = AuthenticationRequest.parse(params);
            } catch (ParseException e) {
                ErrorObject error = e.getErrorObject();
                parseProblem = new ErrorObject(error != null && error.getCode() != null ? error.getCode() : "invalid_request",
                        error != null && error.getDescription() != null ? error.getDescription() : "the request is malformed");
            }
        }
        Integer maxAge;
        try {
            maxAge = first(params, "max_age") == null ? null : Integer.valueOf(first(params, "max_age"));
        } catch (NumberFormatException e) {
            maxAge = -1;
        }
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, first(params, "response_type"),
                parsed != null ? parsed.getScope().toStringList() : scopes(first(params, "scope")), first(params, "state"), first(params, "nonce"),
                first(params, "code_challenge"), first(params, "code_challenge_method"), first(params, "prompt"), maxAge);
        // A malformed request is only checked for its client and redirect URI (no session: nothing is issued for it).
        Optional<SessionPrincipal> session = parseProblem != null ? Optional.empty()
                : SessionCookies.read(http).flatMap(sessions::authenticate);
        var outcome = authorize.authorize(request, session);
        if (parseProblem != null && !(outcome instanceof NotForClient)) {
            // The client and its redirect URI are known: the malformed request is reported to it (RFC 6749 4.1.2.1).
            return redirect(new AuthorizationErrorResponse(URI.create(redirectUri), parseProblem, state(first(params, "state")), issuer,
                    ResponseMode.QUERY).toURI());
        }
        return switch (outcome) {
            case NotForClient refused -> errorPage("The application's sign-in request cannot be answered: " + refused.description() + ".");
            case ErrorToClient error -> redirect(new AuthorizationErrorResponse(URI.create(error.redirectUri()),
                    new ErrorObject(error.error(), error.description()), state(error.state()), issuer, ResponseMode.QUERY).toURI());
            case CodeIssued issued -> redirect(new AuthorizationSuccessResponse(URI.create(issued.redirectUri()),
                    new AuthorizationCode(issued.code()), null, state(issued.state()), issuer, ResponseMode.QUERY).toURI());
            case SignInFirst signIn -> redirect(URI.create(signInUrl(params, signIn.fresh())));
        };
    }

    /** The sign-in page, coming back to this request ({@code prompt=login} dropped: the sign-in about to happen is the fresh one). */
    private static String signInUrl(Map<String, List<String>> params, boolean fresh) {
        Map<String, List<String>> back = new LinkedHashMap<>(params);
        back.remove("prompt");
        String continueTo = PATH + "?" + URLUtils.serializeParameters(back);
        String hint = first(params, "login_hint");
        return "/login?continue=" + URLEncoder.encode(continueTo, StandardCharsets.UTF_8) + (fresh ? "&prompt=login" : "")
                + (hint == null || hint.length() > 320 ? "" : "&login_hint=" + URLEncoder.encode(hint, StandardCharsets.UTF_8));
    }

    private static HttpResponse<?> redirect(URI location) {
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static HttpResponse<?> errorPage(String message) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>("notice",
                Map.of("page", new NoticePage("Sign-in request refused", message, "/login", "Go to sign in"))));
    }

    private static State state(String value) {
        return value == null || value.isEmpty() ? null : new State(value);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
    }
}
