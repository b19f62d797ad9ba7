package io.gatehouse.api.sso;

import io.gatehouse.api.account.UserResponse;
import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.BasicCredentials;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.SessionCookies;
import io.gatehouse.api.token.AuthenticationProblems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.EnableSsoUseCase;
import io.gatehouse.domain.port.in.EnableSsoUseCase.SsoEnabled;
import io.gatehouse.domain.port.in.SsoRefused;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Redeems the confirmation code of a 409 {@code sso_link_confirmation_required} with the account's password. */
@Controller("/api/v1/me/enable_sso")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "SAML login")
class EnableSsoController {

    private final EnableSsoUseCase enableSso;
    private final SessionCookies cookies;
    private final ClientInfoResolver clients;

    EnableSsoController(EnableSsoUseCase enableSso, SessionCookies cookies, ClientInfoResolver clients) {
        this.enableSso = enableSso;
        this.cookies = cookies;
        this.clients = clients;
    }

    @Serdeable
    record EnableSsoRequest(@NotNull @Size(max = 512) String confirmationCode, @Nullable @Size(max = 4096) String password) {
        @Override
        public String toString() {
            return "EnableSsoRequest[redacted]";
        }
    }

    @Serdeable
    record EnableSsoResponse(UserResponse user) {
    }

    @Post
    @Operation(summary = "Link the SSO identity to the existing account with its password (JSON, or HTTP Basic plus the code); logs in")
    @ApiResponse(responseCode = "200", description = "linked and logged in; Set-Cookie gatehouse_session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnableSsoResponse.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials, invalid_token (unknown or used code)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "410", description = "confirmation_expired", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> enable(HttpRequest<?> http, @Valid @Body EnableSsoRequest body) {
        Optional<BasicCredentials> basic = BasicCredentials.from(http);
        String password = body.password() != null ? body.password() : basic.map(BasicCredentials::password).orElse(null);
        if (password == null) {
            return Problems.fieldProblem(ErrorCode.VALIDATION_FAILED, "password", "send the account's password, or HTTP Basic credentials");
        }
        String basicEmail = body.password() == null ? basic.map(BasicCredentials::email).orElse(null) : null;
        var outcome = enableSso.enableSso(body.confirmationCode(), basicEmail, password, clients.resolve(http));
        return switch (outcome) {
            case SsoEnabled enabled -> cookies.set(HttpResponse.ok(new EnableSsoResponse(UserResponse.of(enabled.user()))), enabled.secret());
            case AuthenticationFailure failure -> AuthenticationProblems.of(failure);
            case SsoRefused refused -> Problems.response(refused.code(), refused.detail());
        };
    }
}
