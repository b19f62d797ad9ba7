package io.gatehouse.api.account;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailOutcome;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailRefused;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailThrottled;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailVerified;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.MailAccepted;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.PasswordWasReset;
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

/** Email verification and password reset by mailed single-use links. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
class EmailOwnershipController {

    private final EmailOwnershipUseCase email;
    private final ClientInfoResolver clients;

    EmailOwnershipController(EmailOwnershipUseCase email, ClientInfoResolver clients) {
        this.email = email;
        this.clients = clients;
    }

    @Serdeable
    record TokenRequest(@NotNull @Size(max = 512) String token) {
        @Override
        public String toString() {
            return "TokenRequest[token=redacted]";
        }
    }

    @Serdeable
    record ResetRequest(@NotNull @Size(max = io.gatehouse.domain.model.Email.MAX_LENGTH) String email) {
    }

    @Serdeable
    record ResetConfirmation(@NotNull @Size(max = 512) String token, @NotNull @Size(max = 4096) String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[token=redacted, newPassword=redacted]";
        }
    }

    @Serdeable
    record VerifiedResponse(UserResponse user) {
    }

    @Post("/auth/verify-email")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Redeem an email verification link: the account's email_verified becomes true")
    @ApiResponse(responseCode = "200", description = "verified", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerifiedResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_token (unknown, used, replaced or expired: one code for all)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> verify(@Valid @Body TokenRequest body) {
        return respond(email.verifyEmail(body.token()));
    }

    @Post("/me/verify-email")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Send a new verification message; the previous link stops working")
    @ApiResponse(responseCode = "202", description = "a message is on its way")
    @ApiResponse(responseCode = "409", description = "already_verified", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts, with Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> resend(@CurrentCaller Caller caller) {
        return respond(email.resendVerification(caller.userId()));
    }

    @Post("/auth/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Mail a reset link to the address if it has an account; the answer is always the same 202")
    @ApiResponse(responseCode = "202", description = "accepted (whether or not the address has an account)")
    @ApiResponse(responseCode = "400", description = "invalid_email", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts for this address or from this client, with Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> requestReset(HttpRequest<?> http, @Valid @Body ResetRequest body) {
        return respond(email.requestPasswordReset(body.email(), clients.resolve(http)));
    }

    @Post("/auth/password-reset/confirm")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Set a new password with a reset link; every session and refresh token of the account ends")
    @ApiResponse(responseCode = "204", description = "the password is reset")
    @ApiResponse(responseCode = "400", description = "invalid_token, weak_password", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> confirmReset(@Valid @Body ResetConfirmation body) {
        return respond(email.resetPassword(body.token(), body.newPassword()));
    }

    private static HttpResponse<?> respond(EmailOutcome outcome) {
        return switch (outcome) {
            case EmailVerified verified -> HttpResponse.ok(new VerifiedResponse(UserResponse.of(verified.user())));
            case MailAccepted accepted -> HttpResponse.accepted();
            case PasswordWasReset reset -> HttpResponse.noContent();
            case EmailThrottled throttled -> Problems.throttled(throttled.retryAfter(), "too many requests");
            case EmailRefused refused when refused.code() == ErrorCode.INVALID_TOKEN -> Problems.invalidLink(refused.detail());
            case EmailRefused refused -> refused.field() == null ? Problems.response(refused.code(), refused.detail())
                    : Problems.fieldProblem(refused.code(), refused.field(), refused.detail());
        };
    }
}
