package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import java.time.Instant;
import java.util.Optional;

/** Redeems a link confirmation code with the account's password: links the SSO identity and logs in. */
public interface EnableSsoUseCase {

    /** @param basicEmail the email of HTTP Basic credentials, which must be the account's; null for a JSON password */
    EnableOutcome enableSso(String confirmationCode, String basicEmail, String password, ClientInfo client);

    /**
     * What the code would link, for the page that asks for the password: the account's email and when the code
     * expires. Empty for an unknown, used or expired code. Consumes nothing.
     */
    Optional<LinkProposal> proposal(String confirmationCode);

    record LinkProposal(String accountEmail, Instant expiresAt) {
    }

    sealed interface EnableOutcome permits SsoEnabled, SsoRefused, AuthenticationFailure {
    }

    /** Linked and signed in; {@code method} is how the new session came to be ({@code saml} or {@code oidc}). */
    record SsoEnabled(User user, SecretToken secret, AuthMethod method) implements EnableOutcome {
    }
}
