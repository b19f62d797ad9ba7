package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An authorization request Gatehouse sent to an OpenID provider and has not yet seen answered (OpenID Connect
 * Core 3.1.2.1, RFC 9700 4.7). Keyed by the hash of the {@code state} sent; single use; short lived. It holds
 * what the answer is checked against and what the login was started with:
 *
 * @param provider the provider this state was sent to: the callback trusts this, never anything in the
 *                 response, to know whom it is talking to (no issuer mix-up, RFC 9700 4.4)
 * @param nonce the {@code nonce} the ID token must carry
 * @param codeVerifier the PKCE verifier (RFC 7636) whose S256 challenge went with the request
 * @param browserHash the hash of a secret held in the starting browser's cookie: a state is good only in the
 *                    browser that started the flow (RFC 9700 4.7.1, login CSRF)
 * @param linkingUser when set, a signed-in user asked to link this provider's identity to their account
 */
public record PendingOidcLogin(SecretToken.TokenHash stateHash, String provider, String nonce, String codeVerifier,
                               SecretToken.TokenHash browserHash, UserId linkingUser, String client, String clientState, String redirect,
                               Instant createdAt, Instant expiresAt) {

    public PendingOidcLogin {
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(browserHash, "browserHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingOidcLogin[provider=" + provider + ", secrets=redacted, expiresAt=" + expiresAt + "]";
    }
}
