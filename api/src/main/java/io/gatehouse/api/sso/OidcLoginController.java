package io.gatehouse.api.sso;

import io.gatehouse.api.account.UserResponse;
import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.LinkConfirmationCookie;
import io.gatehouse.api.security.OidcFlowCookie;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.OpenIdProviderInfo;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.OidcLoginUseCase.OidcConfirmationRequired;
import io.gatehouse.domain.port.in.OidcLoginUseCase.OidcLinked;
import io.gatehouse.domain.port.in.OidcLoginUseCase.OidcLoggedIn;
import io.gatehouse.domain.port.in.OidcLoginUseCase.SendToProvider;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with the instance's external OpenID Connect providers: the list, the start (302 to the provider with an
 * authorization code request, PKCE S256, state and nonce) and the one callback every provider returns to. A
 * refusal's exact reason goes to the log for the operator (instance providers have no workspace whose events could
 * hold it); the caller gets the stable {@code oidc_*} code.
 */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "External identity providers")
class OidcLoginController {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLoginController.class);

    private final OidcLoginUseCase oidc;
    private final SessionCookies sessions;
    private final OidcFlowCookie flows;
    private final LinkConfirmationCookie linkCookie;
    private final RedirectPolicy redirects;
    private final ClientInfoResolver clients;

    OidcLoginController(OidcLoginUseCase oidc, SessionCookies sessions, OidcFlowCookie flows, LinkConfirmationCookie linkCookie,
                        RedirectPolicy redirects, ClientInfoResolver clients) {
        this.oidc = oidc;
        this.sessions = sessions;
        this.flows = flows;
        this.linkCookie = linkCookie;
        this.redirects = redirects;
        this.clients = clients;
    }

    @Serdeable
    record ProviderResponse(String name, String displayName, String type) {
        static ProviderResponse of(OpenIdProviderInfo info) {
            return new ProviderResponse(info.name(), info.displayName(), info.type());
        }
    }

    @Serdeable
    record OidcLoginResponse(UserResponse user, @Nullable String state, @Nullable String client) {
    }

    @Serdeable
    record LinkedResponse(UserResponse user, boolean linked) {
    }

    @Get("/providers")
    @Operation(summary = "The instance's external identity providers people can sign in with")
    @ApiResponse(responseCode = "200", description = "the providers", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ProviderResponse.class))))
    List<ProviderResponse> providers() {
        return oidc.providers().stream().map(ProviderResponse::of).toList();
    }

    @Get("/oidc/{provider}/login{?redirect,client,state}")
    @Operation(summary = "Start a sign-in with an instance provider: 302 to it with an authorization code request (PKCE S256, state, nonce)")
    @ApiResponse(responseCode = "302", description = "to the provider; a cookie binds the sign-in to this browser")
    @ApiResponse(responseCode = "400", description = "unknown_provider, invalid_redirect, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "502", description = "oidc_provider_unavailable: its discovery document could not be fetched or is unsafe", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> start(HttpRequest<?> http, @PathVariable String provider, @Nullable @QueryValue String redirect,
                          @Nullable @QueryValue String client, @Nullable @QueryValue String state) {
        StartParameters parameters = new StartParameters(client, state, redirect);
        HttpResponse<?> problem = parameters.problem(redirects);
        if (problem != null) {
            return problem;
        }
        return switch (oidc.start(provider, client, state, parameters.target(redirects), clients.resolve(http), flows.read(http).orElse(null))) {
            case SendToProvider send -> flows.set(FederatedAnswers.found(send.url()), send.browserSecret());
            case SsoThrottled throttled -> Problems.throttled(throttled.retryAfter(), "too many sign-ins started from this address");
            case SsoRefused refused -> Problems.response(refused.code(), refused.detail());
        };
    }

    @Get("/oidc/callback{?code,state,error,iss}")
    @Operation(summary = "The one redirect URI of every provider: signs in (or up, or links), then 302 to the redirect the sign-in started with")
    @ApiResponse(responseCode = "200", description = "signed in, for a sign-in started without a redirect; Set-Cookie gatehouse_session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OidcLoginResponse.class)))
    @ApiResponse(responseCode = "302", description = "signed in (or linked): to the redirect the sign-in started with")
    @ApiResponse(responseCode = "303", description = "a browser sign-in that needs a link confirmation: to /link-account (the code in an HttpOnly cookie)")
    @ApiResponse(responseCode = "401", description = "an oidc_* code (state, provider error, code refused, ID token invalid, issuer, audience, expiry, nonce, email not verified, identity linked elsewhere)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "sso_link_confirmation_required with confirmation_code for POST /me/enable_sso", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = FederatedAnswers.ConfirmationProblem.class)))
    @ApiResponse(responseCode = "502", description = "oidc_provider_unavailable", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> callback(HttpRequest<?> http, @Nullable @QueryValue String code, @Nullable @QueryValue String state,
                             @Nullable @QueryValue String error, @Nullable @QueryValue String iss) {
        var outcome = oidc.callback(state, code, error, iss, flows.read(http).orElse(null), clients.resolve(http));
        return switch (outcome) {
            case OidcLoggedIn in -> {
                MutableHttpResponse<?> answer = in.redirect() != null ? FederatedAnswers.found(in.redirect())
                        : HttpResponse.ok(new OidcLoginResponse(UserResponse.of(in.user()), in.state(), in.client()));
                yield sessions.set(answer, in.secret());
            }
            case OidcLinked linked -> linked.redirect() != null ? FederatedAnswers.found(linked.redirect())
                    : HttpResponse.ok(new LinkedResponse(UserResponse.of(linked.user()), true));
            case OidcConfirmationRequired required when required.redirect() != null -> FederatedAnswers.toLinkAccountPage(linkCookie,
                    required.redirect(), required.confirmationCode(), required.expiresAt());
            case OidcConfirmationRequired required -> FederatedAnswers.confirmationRequired(required.confirmationCode(), required.expiresAt());
            case SsoRefused refused -> refused(http, refused);
            case SsoThrottled throttled -> Problems.throttled(throttled.retryAfter(), "too many refused sign-ins from this address");
        };
    }

    private static HttpResponse<?> refused(HttpRequest<?> http, SsoRefused refused) {
        LOG.info("OpenID Connect sign-in refused: {}: {}", refused.code().code(), refused.detail());
        if (FederatedAnswers.isBrowser(http)) {
            return FederatedAnswers.refusedPage(Problems.statusOf(refused.code()), switch (refused.code()) {
                case OIDC_EMAIL_NOT_VERIFIED -> "Your provider did not confirm your email address, so it cannot be used to create or find "
                        + "an account here (oidc_email_not_verified). Confirm the address with your provider, or sign in another way.";
                case OIDC_STATE_INVALID -> "This sign-in expired, was already used, or was started in another browser "
                        + "(oidc_state_invalid). Please start again.";
                case OIDC_IDENTITY_LINKED_ELSEWHERE -> "This account at your provider is already linked to another Gatehouse account "
                        + "(oidc_identity_linked_elsewhere).";
                case OIDC_EMAIL_DOMAIN_NOT_ALLOWED, DOMAIN_NOT_VERIFIED -> "Your organization's sign-in cannot vouch for this email address "
                        + "(" + refused.code().code() + "). Your workspace administrator can see why in the workspace's sign-in events.";
                case OIDC_USER_NOT_PROVISIONED -> "There is no account for you here yet, and your workspace does not create one on "
                        + "first sign-in (oidc_user_not_provisioned). Ask your workspace administrator for an invitation.";
                default -> "Gatehouse could not complete the sign-in with your provider (" + refused.code().code() + ").";
            });
        }
        return Problems.response(refused.code(), refused.detail());
    }
}
