package io.gatehouse.api.sso;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.OidcFlowCookie;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase.SendToSso;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Email-first SSO across protocols ({@code GET /auth/sso/login}): the workspace of the email's verified domain, then
 * its IdP over SAML or OpenID Connect. {@code /auth/saml2/login} stays, for SAML only.
 */
@Controller("/api/v1/auth/sso")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "SAML login")
class SsoLoginController {

    private final StartSsoLoginUseCase starter;
    private final RedirectPolicy redirects;
    private final ClientInfoResolver clients;
    private final OidcFlowCookie flows;

    SsoLoginController(StartSsoLoginUseCase starter, RedirectPolicy redirects, ClientInfoResolver clients, OidcFlowCookie flows) {
        this.starter = starter;
        this.redirects = redirects;
        this.clients = clients;
        this.flows = flows;
    }

    @Get("/login{?email,client,state,redirect}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Find the workspace by the email's verified domain and get its IdP's URL, SAML or OpenID Connect (302 for Accept: text/html)")
    @ApiResponse(responseCode = "200", description = "the IdP URL (for OpenID Connect, a cookie binds the sign-in to this browser)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SamlLoginController.SsoUrlResponse.class)))
    @ApiResponse(responseCode = "302", description = "to the IdP, when the client accepts text/html")
    @ApiResponse(responseCode = "400", description = "invalid_email, invalid_redirect, validation_failed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "404", description = "sso_not_configured: no workspace has SSO enabled for the domain (or its ownership is not verified)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts; Retry-After says when to retry", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "502", description = "oidc_provider_unavailable: the workspace's OpenID Connect IdP could not be reached or is unsafe", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
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
        return switch (starter.startLogin(email, client, state, parameters.target(redirects), clients.resolve(http),
                flows.read(http).orElse(null))) {
            case SendToSso send -> {
                MutableHttpResponse<?> answer = SamlLoginController.wantsHtml(http)
                        ? HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, send.url())
                        : HttpResponse.ok(new SamlLoginController.SsoUrlResponse(send.url()));
                yield send.browserSecret() == null ? answer : flows.set(answer, send.browserSecret());
            }
            case SsoThrottled throttled -> SamlLoginController.throttled(throttled);
            case SsoRefused refused -> refused.code() == ErrorCode.INVALID_EMAIL
                    ? Problems.fieldProblem(ErrorCode.INVALID_EMAIL, "email", refused.detail())
                    : Problems.response(refused.code(), refused.detail());
        };
    }
}
