package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ID token's claims (OpenID Connect Core 2): who ({@code sub}, the user id), for which client ({@code aud}), when
 * and how they authenticated, the {@code nonce} of the request, the browser session ({@code sid}), and the claims
 * the granted scopes allow ({@code email}, {@code email_verified}, {@code name}, {@code workspaces}).
 */
public record IdTokenClaims(String issuer, UserId subject, String audience, Instant issuedAt, Instant expiresAt, Instant authTime,
                            String nonce, List<String> authenticationMethods, SessionId sessionId, Map<String, Object> scopedClaims) {

    public IdTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(authTime, "authTime");
        authenticationMethods = List.copyOf(authenticationMethods);
        scopedClaims = Map.copyOf(scopedClaims);
    }
}
