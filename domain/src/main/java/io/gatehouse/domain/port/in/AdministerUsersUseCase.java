package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.UserStatus;

/** What instance administrators may do to any account. */
public interface AdministerUsersUseCase {

    /** Suspending revokes every session (and, later, token) of the user at once. */
    AdminOutcome changeStatus(UserId actor, UserId target, UserStatus status);

    sealed interface AdminOutcome {
    }

    record StatusChanged(User user) implements AdminOutcome {
    }

    record AdminRejected(ErrorCode code) implements AdminOutcome {
    }
}
