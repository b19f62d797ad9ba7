package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.EmailToken;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;

/** The tokens of links sent by mail, stored as hashes, each usable once. */
public interface EmailTokens {

    void insert(EmailToken token);

    /** Looks a token up without using it (to check a new password before the token is spent). */
    Optional<EmailToken> find(TokenHash hash, EmailToken.Purpose purpose);

    /** Removes and returns the token: of two nodes taking it at once, only one gets it. */
    Optional<EmailToken> take(TokenHash hash, EmailToken.Purpose purpose);

    /** Removes every token of the user for the purpose: a new link makes the previous ones stop working. */
    int deleteAll(UserId user, EmailToken.Purpose purpose);

    int purgeExpired(Instant now);
}
