package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import java.time.Duration;

/** Access JWTs with rotating opaque refresh tokens (RFC 6749 6, with the reuse detection of RFC 9700 4.14.2). */
public interface TokenUseCase {

    TokenOutcome grantWithPassword(String email, String password, ClientInfo client);

    /** A new access token and a new refresh token; presenting a used refresh token revokes its family. */
    TokenOutcome refresh(String refreshToken, ClientInfo client);

    /**
     * Whether an access token of this subject and family may still be honoured: the family (the
     * session it descends from) is neither revoked nor past its lifetime, belongs to this user, and
     * the user is active. Asked on every request that carries an access JWT, after the token's own
     * signature and claims were checked; in the steady state the answer comes from memory
     * ({@code Sessions.findLiveFamily}), invalidated on every node by each change of the user.
     */
    boolean isFamilyLive(UserId subject, SessionId family);

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
