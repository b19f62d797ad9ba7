package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.User;

/** Browser login with email and password: on success a new session and its cookie secret. */
public interface PasswordLoginUseCase {

    LoginOutcome login(PasswordLoginCommand command);

    record PasswordLoginCommand(String email, String password, ClientInfo client) {
        @Override
        public String toString() {
            return "PasswordLoginCommand[email=" + email + ", password=redacted, client=" + client + "]";
        }
    }

    sealed interface LoginOutcome permits LoggedIn, AuthenticationFailure {
    }

    /** {@code secret} goes into the cookie once and is never stored. */
    record LoggedIn(User user, Session session, SecretToken secret) implements LoginOutcome {
    }
}
