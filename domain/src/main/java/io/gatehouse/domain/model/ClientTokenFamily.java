package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The token family (a session without a cookie) an authorization code was exchanged for, and what binds it: the
 * client (only it may refresh, RFC 6749 6), the granted scopes (what UserInfo may tell), and the browser session and
 * authentication it came from (the ID token's {@code sid}, {@code auth_time} and {@code amr} on every refresh).
 */
public record ClientTokenFamily(SessionId family, String clientId, UserId userId, Set<String> scopes, SessionId browserSession,
                                Instant authTime, SecretToken.TokenHash codeHash) {

    public ClientTokenFamily {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(authTime, "authTime");
    }
}
