package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.OpenIdProviderInfo;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import java.time.Instant;
import java.util.List;

/** Signing in, signing up and linking accounts with the instance's external OpenID Connect providers. */
public interface OidcLoginUseCase {

    List<OpenIdProviderInfo> providers();

    /**
     * Sends the browser to the provider with an authorization code request (PKCE S256, state, nonce).
     *
     * @param redirect an already validated redirect target, or null
     * @param browserSecret the secret this browser already holds from another sign-in in progress (one browser, one
     *                      secret, so that two tabs do not undo each other), or null for a new one
     */
    StartOutcome start(String provider, String client, String state, String redirect, ClientInfo caller, String browserSecret);

    /** As {@link #start}, but the provider's answer links its identity to {@code user} instead of signing in. */
    StartOutcome startLink(UserId user, String provider, String redirect, String browserSecret);

    /**
     * The provider's answer at the callback.
     *
     * @param responseIssuer the answer's {@code iss} parameter (RFC 9207), or null
     * @param browserSecret the secret of the cookie set at the start, from the browser presenting the answer (or null)
     */
    CallbackOutcome callback(String state, String code, String error, String responseIssuer, String browserSecret, ClientInfo client);

    sealed interface StartOutcome permits SendToProvider, SsoRefused, SsoThrottled {
    }

    /** The provider's URL; {@code browserSecret} goes into a cookie, and binds the flow to this browser. */
    record SendToProvider(String url, String browserSecret) implements StartOutcome {
        @Override
        public String toString() {
            return "SendToProvider[url=" + url + ", browserSecret=redacted]";
        }
    }

    sealed interface CallbackOutcome permits OidcLoggedIn, OidcLinked, OidcConfirmationRequired, SsoRefused, SsoThrottled {
    }

    /** A new session ({@code secret} for the cookie); {@code state}, {@code client}, {@code redirect} as the login started. */
    record OidcLoggedIn(User user, SecretToken secret, String state, String client, String redirect) implements CallbackOutcome {
    }

    /** A signed-in user's link request was answered: the identity is now linked to them. */
    record OidcLinked(User user, String redirect) implements CallbackOutcome {
    }

    /** The verified email belongs to an existing account not linked to this provider: its owner confirms with the password. */
    record OidcConfirmationRequired(String confirmationCode, Instant expiresAt, String redirect) implements CallbackOutcome {
        @Override
        public String toString() {
            return "OidcConfirmationRequired[code=redacted, expiresAt=" + expiresAt + "]";
        }
    }
}
