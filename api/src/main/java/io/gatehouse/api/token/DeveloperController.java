package io.gatehouse.api.token;

import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase.GeneratedApiAccess;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.TokenUseCase.InvalidToken;
import io.gatehouse.domain.port.in.TokenUseCase.TokenOutcome;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.port.in.TokenUseCase.TokensIssued;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

@Controller("/api/v1/developer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Developer API key")
class DeveloperController {

    private final DeveloperApiAccessUseCase access;
    private final ClientInfoResolver clients;

    DeveloperController(DeveloperApiAccessUseCase access, ClientInfoResolver clients) {
        this.access = access;
        this.clients = clients;
    }

    @Serdeable
    record ApiAccess(String apiKey, String apiSecret) {
        @Override
        public String toString() {
            return "ApiAccess[apiKey=" + apiKey + ", apiSecret=redacted]";
        }
    }

    @Serdeable
    record ApiKeyView(@Nullable String apiKey) {
    }

    @Serdeable
    record SignIn(@NotNull @Size(max = 512) String apiKey, @NotNull @Size(max = 512) String apiSecret) {
        @Override
        public String toString() {
            return "SignIn[apiKey=" + apiKey + ", apiSecret=redacted]";
        }
    }

    @Serdeable
    record SignedIn(String token) {
    }

    @Post("/api-access")
    @ApiResponse(responseCode = "201", description = "the new pair; the secret is shown only here", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiAccess.class)))
    @ApiResponse(responseCode = "401", description = "unauthenticated", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Generate the caller's API key and secret; the previous pair stops working at once")
    HttpResponse<ApiAccess> generate(@CurrentCaller Caller caller) {
        GeneratedApiAccess generated = access.generate(caller.userId());
        return HttpResponse.created(new ApiAccess(generated.apiKey(), generated.apiSecret()));
    }

    @Get("/api-access")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The caller's API key (never the secret), or null")
    ApiKeyView current(@CurrentCaller Caller caller) {
        return new ApiKeyView(access.currentApiKey(caller.userId()).orElse(null));
    }

    @Post("/sign-in")
    @ApiResponse(responseCode = "200", description = "an access JWT", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignedIn.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Exchange an API key and secret for an access JWT (amr api_key)")
    HttpResponse<?> signIn(HttpRequest<?> http, @Valid @Body SignIn request) {
        TokenOutcome outcome = access.signIn(request.apiKey(), request.apiSecret(), clients.resolve(http));
        return switch (outcome) {
            case TokensIssued issued -> HttpResponse.ok(new SignedIn(issued.accessToken()));
            case TokenRefused refused -> AuthenticationProblems.of(refused.failure());
            // An unknown key and a wrong secret get one answer, so keys cannot be probed.
            case InvalidToken invalid -> AuthenticationProblems.of(new AuthenticationFailure.InvalidCredentials());
        };
    }
}
