package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** SSO identities awaiting their account's password before being linked. */
public interface LinkConfirmations {

    void insert(LinkConfirmation confirmation);

    Optional<LinkConfirmation> find(TokenHash codeHash);

    /** False when another request consumed it first. */
    boolean delete(TokenHash codeHash);

    int purgeExpired(Instant now);
}
