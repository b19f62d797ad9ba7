package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The signed-in user's own account. */
public interface AccountUseCase {

    Optional<Profile> profile(UserId userId);

    PasswordChangeOutcome changePassword(ChangePasswordCommand command);

    record Profile(User user, List<WorkspaceRole> workspaces) {
    }

    /**
     * {@code keepSession} is the session making the request (absent for a bearer caller); every other
     * one is revoked. The current password is checked through the login throttle, so a stolen
     * session cannot be used to guess it.
     */
    record ChangePasswordCommand(UserId userId, SessionId keepSession, String currentPassword, String newPassword,
                                 ClientInfo client) {
        @Override
        public String toString() {
            return "ChangePasswordCommand[userId=" + userId + ", passwords=redacted]";
        }
    }

    sealed interface PasswordChangeOutcome {
    }

    record PasswordChanged() implements PasswordChangeOutcome {
    }

    record PasswordChangeThrottled(Duration retryAfter) implements PasswordChangeOutcome {
    }

    record PasswordChangeRejected(ErrorCode code, String field, String detail) implements PasswordChangeOutcome {
    }
}
