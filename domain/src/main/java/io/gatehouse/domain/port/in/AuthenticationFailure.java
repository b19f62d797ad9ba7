package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import java.time.Duration;

/** Why a password (or API secret) authentication did not succeed. */
public sealed interface AuthenticationFailure extends PasswordLoginUseCase.LoginOutcome, CheckCredentialsUseCase.CredentialsOutcome,
        EnableSsoUseCase.EnableOutcome {

    ErrorCode code();

    /** Unknown account, wrong password, or an account without a password: deliberately one answer. */
    record InvalidCredentials() implements AuthenticationFailure {
        @Override
        public ErrorCode code() {
            return ErrorCode.INVALID_CREDENTIALS;
        }
    }

    /** Too many recent failures for this account or from this client; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements AuthenticationFailure {
        @Override
        public ErrorCode code() {
            return ErrorCode.TOO_MANY_ATTEMPTS;
        }
    }

    /** The password was right but the account is suspended. */
    record Suspended() implements AuthenticationFailure {
        @Override
        public ErrorCode code() {
            return ErrorCode.ACCOUNT_SUSPENDED;
        }
    }

    /** The password was right, but the user's workspace requires its IdP for this email domain. */
    record SsoRequired() implements AuthenticationFailure {
        @Override
        public ErrorCode code() {
            return ErrorCode.SSO_REQUIRED;
        }
    }
}
