package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.PublicSigningKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Access JWTs with rotating opaque refresh tokens (RFC 6749 6, with the reuse detection of RFC 9700 4.14.2). */
public interface TokenUseCase {

    TokenOutcome grantWithPassword(String email, String password, ClientInfo client);

    /** A new access token and a new refresh token; presenting a used refresh token revokes its family. */
    TokenOutcome refresh(String refreshToken, ClientInfo client);

    /** The claims of a valid access token whose family is alive and whose user is active. */
    Optional<AccessTokenClaims> verify(String accessToken);

    List<PublicSigningKey> publishedKeys();

    sealed interface TokenOutcome {
    }

    /** {@code refreshToken} is null for grants that do not come with one (developer sign-in). */
    record TokensIssued(String accessToken, String refreshToken, Duration expiresIn, AccessTokenClaims claims) implements TokenOutcome {
        @Override
        public String toString() {
            return "TokensIssued[redacted, expiresIn=" + expiresIn + "]";
        }
    }

    record TokenRefused(AuthenticationFailure failure) implements TokenOutcome {
    }

    record InvalidToken() implements TokenOutcome {
    }
}
