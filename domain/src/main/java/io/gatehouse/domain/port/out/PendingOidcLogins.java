package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.PendingOidcLogin;
import io.gatehouse.domain.model.SecretToken;
import java.time.Instant;
import java.util.Optional;

/** Outstanding authorization requests, in the database so that a flow started on one node completes on another. */
public interface PendingOidcLogins {

    void insert(PendingOidcLogin login);

    /** Reads and removes: of two callbacks with one state, at most one gets it. */
    Optional<PendingOidcLogin> take(SecretToken.TokenHash stateHash);

    int purgeExpired(Instant now);
}
