package io.gatehouse.api.sso;

import io.gatehouse.api.account.UserResponse;
import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.LinkConfirmationCookie;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.AcsOutcome;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.IdentityLinked;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.LinkConfirmationRequired;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.SamlLoggedIn;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase.SendToIdp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SP-initiated login ({@code GET /auth/saml2/login}) and the assertion consumer service
 * ({@code POST /auth/saml2/login/{wid}}). The ACS is exempt from the Origin check (the IdP's page
 * posts it cross-site); what protects it is the SAML validation itself. Its client learns only the
 * refusal code; the reason goes to the workspace's sso/events.
 */
@Controller("/api/v1/auth/saml2")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "SAML login")
class SamlLoginController {


    private final StartSamlLoginUseCase starter;
    private final ConsumeSamlResponseUseCase consumer;
    private final SessionCookies cookies;
    private final RedirectPolicy redirects;
    private final ClientInfoResolver clients;
    private final LinkConfirmationCookie linkCookie;

    SamlLoginController(StartSamlLoginUseCase starter, ConsumeSamlResponseUseCase consumer, SessionCookies cookies,
                        RedirectPolicy redirects, ClientInfoResolver clients, LinkConfirmationCookie linkCookie) {
        this.linkCookie = linkCookie;
        this.starter = starter;
        this.consumer = consumer;
        this.cookies = cookies;
        this.redirects = redirects;
        this.clients = clients;
    }

    @Serdeable
    record SsoUrlResponse(String ssoUrl) {
    }

    @Serdeable
    record SamlLoginResponse(UserResponse user, @Nullable String state, @Nullable String client) {
    }

    @Serdeable
    record LinkedResponse(UserResponse user, boolean linked) {
    }

    @Get("/login{?email,client,state,redirect}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Find the workspace by email domain and get the IdP URL carrying an AuthnRequest (302 for Accept: text/html)")
    @ApiResponse(responseCode = "200", description = "the IdP URL", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoUrlResponse.class)))
    @ApiResponse(responseCode = "302", description = "to the IdP, when the client accepts text/html")
    @ApiResponse(responseCode = "400", description = "invalid_email, invalid_redirect, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts: too many logins started from this address, or too many in progress for the workspace; Retry-After says when to retry", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "sso_not_configured: no workspace has SSO enabled for the domain", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> start(HttpRequest<?> http, @Nullable @QueryValue String email, @Nullable @QueryValue String client,
                          @Nullable @QueryValue String state, @Nullable @QueryValue String redirect) {
        if (email == null || email.isBlank()) {
            return Problems.fieldProblem(ErrorCode.VALIDATION_FAILED, "email", "email is required");
        }
        StartParameters parameters = new StartParameters(client, state, redirect);
        HttpResponse<?> problem = parameters.problem(redirects);
        if (problem != null) {
            return problem;
        }
        var outcome = starter.startLogin(email, client, state, parameters.target(redirects), clients.resolve(http));
        return switch (outcome) {
            case SendToIdp send -> wantsHtml(http)
                    ? HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, send.url())
                    : HttpResponse.ok(new SsoUrlResponse(send.url()));
            case SsoThrottled throttled -> throttled(throttled);
            case SsoRefused refused -> refused.code() == ErrorCode.INVALID_EMAIL
                    ? Problems.fieldProblem(ErrorCode.INVALID_EMAIL, "email", refused.detail())
                    : Problems.response(refused.code(), refused.detail());
        };
    }

    @Post("/login/{wid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Assertion consumer service: the IdP's SAMLResponse (HTTP-POST binding); logs in, links, or asks for confirmation")
    @ApiResponse(responseCode = "200", description = "logged in; Set-Cookie gatehouse_session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SamlLoginResponse.class)))
    @ApiResponse(responseCode = "302", description = "logged in (or linked), redirected to the redirect given when the login started")
    @ApiResponse(responseCode = "303", description = "a login started with a redirect (a browser's) that needs a link confirmation: to the hosted page /link-account, the code in an HttpOnly cookie instead of the 409")
    @ApiResponse(responseCode = "401", description = "a saml_* code; the reason is in the workspace's sso/events (for Accept: text/html, a page saying so)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "sso_not_configured", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts: this address posted too many refused responses; Retry-After says when to retry", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "domain_not_verified: the asserted email's domain is claimed by the workspace but not verified; or sso_link_confirmation_required with confirmation_code for POST /me/enable_sso", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = FederatedAnswers.ConfirmationProblem.class)))
    HttpResponse<?> acs(HttpRequest<?> http, @PathVariable String wid, @Nullable @Body Map<String, String> form) {
        Optional<WorkspaceId> workspace = parse(wid);
        if (workspace.isEmpty()) {
            return Problems.response(ErrorCode.SSO_NOT_CONFIGURED, "SSO is not enabled for this workspace");
        }
        String response = form == null ? null : form.get("SAMLResponse");
        String relayState = form == null ? null : form.get("RelayState");
        AcsOutcome outcome = consumer.consume(workspace.get(), response, relayState, clients.resolve(http));
        return switch (outcome) {
            case SamlLoggedIn in -> {
                MutableHttpResponse<?> ok = in.redirect() != null ? FederatedAnswers.found(in.redirect())
                        : HttpResponse.ok(new SamlLoginResponse(UserResponse.of(in.user()), in.state(), in.client()));
                yield cookies.set(ok, in.secret());
            }
            case IdentityLinked linked -> linked.redirect() != null ? FederatedAnswers.found(linked.redirect())
                    : HttpResponse.ok(new LinkedResponse(UserResponse.of(linked.user()), true));
            case SsoThrottled throttled when FederatedAnswers.isBrowser(http) -> FederatedAnswers.throttledPage(throttled.retryAfter());
            case SsoThrottled throttled -> throttled(throttled);
            // The reason stays for the workspace's admins (the poster may be probing the validation).
            case SsoRefused refused when FederatedAnswers.isBrowser(http) -> FederatedAnswers.refusedPage(Problems.statusOf(refused.code()),
                    "Gatehouse refused the answer of your organization's identity provider (" + refused.code().code() + "). The admins of "
                            + "your workspace can see exactly why in its sign-in events.");
            case LinkConfirmationRequired required when required.redirect() != null -> FederatedAnswers.toLinkAccountPage(linkCookie,
                    required.redirect(), required.confirmationCode(), required.expiresAt());
            case LinkConfirmationRequired required -> FederatedAnswers.confirmationRequired(required.confirmationCode(), required.expiresAt());
            case SsoRefused refused when !refused.code().isSamlRejection() && refused.code() != ErrorCode.DOMAIN_NOT_VERIFIED ->
                    Problems.response(refused.code(), refused.detail());
            // The caller may be an attacker probing the validation: the code only, the reason is for the admins.
            case SsoRefused refused -> Problems.response(refused.code(),
                    "the SAML response was refused; a workspace admin can see why in the SSO events");
        };
    }

    /** 429 with Retry-After, saying which limit. */
    static HttpResponse<?> throttled(SsoThrottled throttled) {
        return Problems.throttled(throttled.retryAfter(), switch (throttled.limit()) {
            case STARTS_PER_IP -> "too many SSO logins started from this address";
            case FAILURES_PER_IP -> "too many refused SSO responses from this address";
            case PENDING_PER_WORKSPACE -> "this workspace has too many SSO logins in progress";
        });
    }

    private static Optional<WorkspaceId> parse(String wid) {
        try {
            return Optional.of(new WorkspaceId(UUID.fromString(wid)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean wantsHtml(HttpRequest<?> http) {
        return http.accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }

    static HttpResponse<?> invalidRedirect() {
        return Problems.fieldProblem(ErrorCode.INVALID_REDIRECT, "redirect",
                "redirect must be a relative path such as /home, or a URL on an allowed origin");
    }
}
