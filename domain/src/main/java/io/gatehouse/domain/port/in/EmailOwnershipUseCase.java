package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import java.time.Duration;

/** People prove they own their mailbox, and recover a forgotten password through it. */
public interface EmailOwnershipUseCase {

    /** Redeems an email verification link. */
    EmailOutcome verifyEmail(String token);

    /** Sends a new verification message; the previous link stops working. */
    EmailOutcome resendVerification(UserId user);

    /** Mails a reset link to the address if it has an account; the answer is the same either way. */
    EmailOutcome requestPasswordReset(String email, ClientInfo client);

    /** Redeems a reset link with a new password; every session and refresh token of the account ends. */
    EmailOutcome resetPassword(String token, String newPassword);

    sealed interface EmailOutcome {
    }

    record EmailVerified(User user) implements EmailOutcome {
    }

    /** Accepted for sending (202); says nothing about whether the address has an account. */
    record MailAccepted() implements EmailOutcome {
    }

    record PasswordWasReset() implements EmailOutcome {
    }

    record EmailThrottled(Duration retryAfter) implements EmailOutcome {
    }

    /** @param field the input it concerns, or null */
    record EmailRefused(ErrorCode code, String field, String detail) implements EmailOutcome {
    }
}
