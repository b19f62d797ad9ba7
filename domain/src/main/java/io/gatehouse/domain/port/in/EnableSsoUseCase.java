package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;

/** Redeems a link confirmation code with the account's password: links the SSO identity and logs in. */
public interface EnableSsoUseCase {

    /** @param basicEmail the email of HTTP Basic credentials, which must be the account's; null for a JSON password */
    EnableOutcome enableSso(String confirmationCode, String basicEmail, String password, ClientInfo client);

    sealed interface EnableOutcome permits SsoEnabled, SsoRefused, AuthenticationFailure {
    }

    record SsoEnabled(User user, SecretToken secret) implements EnableOutcome {
    }
}
