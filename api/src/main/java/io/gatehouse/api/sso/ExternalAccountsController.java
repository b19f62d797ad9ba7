package io.gatehouse.api.sso;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.api.security.OidcFlowCookie;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase.Unlinked;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.OidcLoginUseCase.SendToProvider;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase.SendToIdp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The caller's links to external identity providers; a workspace's SAML IdP is {@code saml:{wid}}. */
@Controller("/api/v1/me/external-accounts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "External accounts")
class ExternalAccountsController {

    private final ExternalAccountsUseCase accounts;
    private final StartSamlLoginUseCase starter;
    private final OidcLoginUseCase oidc;
    private final OidcFlowCookie flows;
    private final RedirectPolicy redirects;

    ExternalAccountsController(ExternalAccountsUseCase accounts, StartSamlLoginUseCase starter, OidcLoginUseCase oidc, OidcFlowCookie flows,
                               RedirectPolicy redirects) {
        this.accounts = accounts;
        this.starter = starter;
        this.oidc = oidc;
        this.flows = flows;
        this.redirects = redirects;
    }

    @Serdeable
    record ExternalAccountResponse(String providerName, String externalId, @Nullable String email, Instant linkedAt) {
        static ExternalAccountResponse of(ExternalIdentity identity) {
            return new ExternalAccountResponse(identity.providerName(), identity.externalId(), identity.email(), identity.linkedAt());
        }
    }

    @Serdeable
    record ProviderRequest(@NotNull @Size(max = 64) String providerName) {
    }

    @Get
    @Operation(summary = "The caller's linked external accounts")
    @ApiResponse(responseCode = "200", description = "the links", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ExternalAccountResponse.class))))
    List<ExternalAccountResponse> list(@CurrentCaller Caller caller) {
        return accounts.list(caller.userId()).stream().map(ExternalAccountResponse::of).toList();
    }

    @Post("/link{?redirect}")
    @Operation(summary = "Start linking: 302 to the provider's login; its successful answer at the ACS links the identity to the caller")
    @ApiResponse(responseCode = "302", description = "to the provider")
    @ApiResponse(responseCode = "400", description = "unknown_provider, invalid_redirect", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "already_linked", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> link(HttpRequest<?> http, @CurrentCaller Caller caller, @Valid @Body ProviderRequest body,
                         @Nullable @QueryValue String redirect) {
        Optional<String> target = Optional.empty();
        if (redirect != null) {
            target = redirects.check(redirect);
            if (target.isEmpty()) {
                return SamlLoginController.invalidRedirect();
            }
        }
        if (!body.providerName().startsWith(ExternalIdentity.SAML_PREFIX)) {
            // An instance provider: the same browser-bound authorization code flow as a sign-in with it.
            return switch (oidc.startLink(caller.userId(), body.providerName(), target.orElse(null), flows.read(http).orElse(null))) {
                case SendToProvider send -> flows.set(FederatedAnswers.found(send.url()), send.browserSecret());
                case SsoThrottled throttled -> Problems.throttled(throttled.retryAfter(), "too many sign-ins started from this address");
                case SsoRefused refused -> Problems.response(refused.code(), refused.detail());
            };
        }
        var outcome = starter.startLink(caller.userId(), body.providerName(), target.orElse(null));
        return switch (outcome) {
            case SendToIdp send -> FederatedAnswers.found(send.url());
            case SsoThrottled throttled -> Problems.throttled(throttled.retryAfter(), "this workspace has too many SSO logins in progress");
            case SsoRefused refused -> Problems.response(refused.code(), refused.detail());
        };
    }

    @Post("/unlink")
    @Operation(summary = "Remove a link; refused when it is the account's last way to log in")
    @ApiResponse(responseCode = "204", description = "unlinked")
    @ApiResponse(responseCode = "400", description = "not_linked", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "last_login_method", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> unlink(@CurrentCaller Caller caller, @Valid @Body ProviderRequest body) {
        var outcome = accounts.unlink(caller.userId(), body.providerName());
        return switch (outcome) {
            case Unlinked unlinked -> HttpResponse.noContent();
            case SsoRefused refused -> Problems.response(refused.code(), refused.detail());
        };
    }
}
