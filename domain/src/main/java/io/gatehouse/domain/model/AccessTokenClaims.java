package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an access JWT asserts (RFC 7519 4.1 registered claims plus {@code sid} and {@code amr},
 * RFC 8176). {@code sessionId} is the token family: revoking that session revokes every access and
 * refresh token descended from the same login.
 */
public record AccessTokenClaims(
        String issuer,
        String audience,
        UserId subject,
        SessionId sessionId,
        List<String> authenticationMethods,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        authenticationMethods = List.copyOf(authenticationMethods);
    }
}
