package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.Workspace;
import java.util.Optional;

public interface SignUpUseCase {

    SignUpOutcome signUp(SignUpCommand command);

    /** {@code fullName} and {@code workspaceName} are optional; a workspace is created when named. */
    record SignUpCommand(String email, String password, String fullName, String workspaceName) {
    }

    sealed interface SignUpOutcome {
    }

    record SignedUp(User user, Optional<Workspace> workspace) implements SignUpOutcome {
    }

    /** {@code field} names the input at fault, for a validation error entry. */
    record SignUpRejected(ErrorCode code, String field, String detail) implements SignUpOutcome {
    }
}
