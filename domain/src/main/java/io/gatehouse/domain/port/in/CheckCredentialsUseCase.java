package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.User;

/** Checks an email and password (throttled), without opening any session: HTTP Basic, token grants. */
public interface CheckCredentialsUseCase {

    CredentialsOutcome check(String email, String password, ClientInfo client);

    sealed interface CredentialsOutcome permits CredentialsValid, AuthenticationFailure {
    }

    record CredentialsValid(User user) implements CredentialsOutcome {
    }
}
