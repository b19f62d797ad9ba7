package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.RefreshToken;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;

/** Refresh tokens, each usable once. */
public interface RefreshTokens {

    void insert(RefreshToken token);

    /**
     * Atomically marks the token used if it is unused and unexpired. Exactly one of any number of
     * concurrent callers gets {@link Consumed.Rotated}.
     */
    Consumed consume(TokenHash hash, Instant now);

    int purgeExpiredBefore(Instant before);

    /** The token, used or not (for revocation and introspection, which must not spend it). */
    java.util.Optional<RefreshToken> find(TokenHash hash);

    sealed interface Consumed {
    }

    /** The caller won the token and may issue its successor. */
    record Rotated(RefreshToken token) implements Consumed {
    }

    /** The token was already used: a replay, so its family must be revoked. */
    record AlreadyUsed(RefreshToken token) implements Consumed {
    }

    /** Unknown or expired. */
    record Invalid() implements Consumed {
    }
}
