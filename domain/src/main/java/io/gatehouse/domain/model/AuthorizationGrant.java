package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An authorization code Gatehouse issued and what it stands for (RFC 6749 4.1.2, OpenID Connect Core 3.1.2.5): kept
 * as the hash of the code, single use, short lived, and bound to the client, the redirect URI and the PKCE challenge
 * (RFC 7636 4.6) it was issued for.
 *
 * @param browserSession the signed-in session that approved it: the ID token's {@code sid}, ended by RP-initiated logout
 * @param authTime when the person last authenticated (OpenID Connect Core 2, {@code auth_time})
 */
public record AuthorizationGrant(SecretToken.TokenHash codeHash, String clientId, UserId userId, SessionId browserSession,
                                 String redirectUri, String codeChallenge, Set<String> scopes, String nonce, Instant authTime,
                                 AuthMethod authMethod, Instant createdAt, Instant expiresAt) {

    public AuthorizationGrant {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(browserSession, "browserSession");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Scopes in a stable order, for the token response's {@code scope}. */
    public List<String> orderedScopes() {
        return scopes.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "AuthorizationGrant[clientId=" + clientId + ", user=" + userId + ", code=redacted, expiresAt=" + expiresAt + "]";
    }
}
