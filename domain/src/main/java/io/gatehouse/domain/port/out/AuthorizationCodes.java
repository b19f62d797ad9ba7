package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.AuthorizationGrant;
import io.gatehouse.domain.model.ClientTokenFamily;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization codes (kept until they expire, so that a second use is recognised, RFC 6749 4.1.2) and the token
 * families they were exchanged for.
 */
public interface AuthorizationCodes {

    void insert(AuthorizationGrant grant);

    /** Atomically marks the code used: exactly one of any number of concurrent callers gets {@link Taken}. */
    Redemption redeem(TokenHash codeHash, Instant now);

    void insertFamily(ClientTokenFamily family);

    Optional<ClientTokenFamily> findFamily(SessionId family);

    /** The family a code was exchanged for, if it was. */
    Optional<ClientTokenFamily> familyOfCode(TokenHash codeHash);

    int purgeExpiredBefore(Instant before);

    sealed interface Redemption permits Taken, AlreadyUsed, Unknown {
    }

    record Taken(AuthorizationGrant grant) implements Redemption {
    }

    /** The code was redeemed before: a replay (RFC 6749 4.1.2: revoke what it issued). */
    record AlreadyUsed(AuthorizationGrant grant) implements Redemption {
    }

    /** Unknown or expired. */
    record Unknown() implements Redemption {
    }
}
