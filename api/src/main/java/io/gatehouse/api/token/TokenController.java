package io.gatehouse.api.token;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.TokenUseCase.InvalidToken;
import io.gatehouse.domain.port.in.TokenUseCase.TokenOutcome;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.port.in.TokenUseCase.TokensIssued;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.text.ParseException;
import java.util.Optional;
import reactor.core.publisher.Mono;

@Controller("/api/v1/auth/jwt")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tokens")
class TokenController {

    private final TokenUseCase tokens;
    private final ClientInfoResolver clients;
    private static final String GRANT = "jwt_grant";
    private static final String REFRESH = "jwt_refresh";

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> accessTokens;

    TokenController(TokenUseCase tokens, ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> accessTokens, ClientInfoResolver clients) {
        this.accessTokens = accessTokens;
        this.tokens = tokens;
        this.clients = clients;
    }

    @Serdeable
    record PasswordGrant(@NotNull @Size(max = 320) String username, @NotNull @Size(max = 4096) String password) {
        @Override
        public String toString() {
            return "PasswordGrant[username=" + username + ", password=redacted]";
        }
    }

    @Serdeable
    record RefreshRequest(@NotNull @Size(max = 512) String refresh) {
        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }

    @Serdeable
    record VerifyRequest(@NotNull @Size(max = 8192) String token) {
        @Override
        public String toString() {
            return "VerifyRequest[redacted]";
        }
    }

    @Serdeable
    record TokenPair(String access, String refresh, String tokenType, long expiresIn) {
    }

    @Serdeable
    record Verified(boolean valid, String sub, long exp) {
    }

    @Post
    @ApiResponse(responseCode = "201", description = "issued", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenPair.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "403", description = "account_suspended", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Exchange email (as username) and password for an access JWT and a refresh token")
    HttpResponse<?> obtain(HttpRequest<?> http, @Valid @Body PasswordGrant grant) {
        return respond(GRANT, tokens.grantWithPassword(grant.username(), grant.password(), clients.resolve(http)));
    }

    @Post("/refresh")
    @ApiResponse(responseCode = "201", description = "rotated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenPair.class)))
    @ApiResponse(responseCode = "401", description = "invalid_token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Rotate a refresh token; presenting a used one revokes its whole family")
    HttpResponse<?> refresh(HttpRequest<?> http, @Valid @Body RefreshRequest request) {
        return respond(REFRESH, tokens.refresh(request.refresh(), clients.resolve(http)));
    }

    @Post("/verify")
    @ApiResponse(responseCode = "200", description = "valid", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Verified.class)))
    @ApiResponse(responseCode = "401", description = "invalid_token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = io.gatehouse.api.problem.ProblemDetails.class)))
    @Operation(summary = "Check an access JWT: signature, issuer, audience, expiry, and that its family is not revoked")
    HttpResponse<?> verify(HttpRequest<?> http, @Valid @Body VerifyRequest request) {
        // The same micronaut-security-jwt validator, signature and claim validators (revocation included) as a bearer request.
        Optional<JWTClaimsSet> claims = Mono.from(accessTokens.validate(request.token(), http)).blockOptional().flatMap(TokenController::claimsOf);
        if (claims.isEmpty()) {
            return invalidToken();
        }
        return HttpResponse.ok(new Verified(true, claims.get().getSubject(), claims.get().getExpirationTime().toInstant().getEpochSecond()));
    }

    private static Optional<JWTClaimsSet> claimsOf(JWT jwt) {
        try {
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }

    private HttpResponse<?> respond(String method, TokenOutcome outcome) {
        return switch (outcome) {
            case TokensIssued issued -> HttpResponse.created(new TokenPair(issued.accessToken(), issued.refreshToken(), "Bearer",
                    issued.expiresIn().toSeconds()));
            case TokenRefused refused -> AuthenticationProblems.of(refused.failure());
            case InvalidToken invalid -> invalidToken();
        };
    }

    private static HttpResponse<?> invalidToken() {
        return Problems.response(ErrorCode.INVALID_TOKEN, "the token is invalid, expired or revoked");
    }
}
