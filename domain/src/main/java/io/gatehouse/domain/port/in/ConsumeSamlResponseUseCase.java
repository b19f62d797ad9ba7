package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;

/** The assertion consumer service: a SAML Response posted by the browser from the IdP. */
public interface ConsumeSamlResponseUseCase {

    AcsOutcome consume(WorkspaceId workspace, String samlResponse, String relayState, ClientInfo client);

    sealed interface AcsOutcome permits SamlLoggedIn, IdentityLinked, LinkConfirmationRequired, SsoRefused, SsoThrottled {
    }

    /** A new session; {@code secret} goes into the cookie. {@code state}, {@code client} and {@code redirect} are what the login started with. */
    record SamlLoggedIn(User user, SecretToken secret, String state, String client, String redirect) implements AcsOutcome {
    }

    /** A logged-in user's link request was answered: the identity is now linked to them. */
    record IdentityLinked(User user, String redirect) implements AcsOutcome {
    }

    /**
     * The email belongs to an existing account not linked to this IdP: its owner must confirm with a password.
     * {@code redirect} is where the login was to end (null when it was started without one).
     */
    record LinkConfirmationRequired(String confirmationCode, Instant expiresAt, String redirect) implements AcsOutcome {
        @Override
        public String toString() {
            return "LinkConfirmationRequired[code=redacted, expiresAt=" + expiresAt + ", redirect=" + redirect + "]";
        }
    }
}
