package io.gatehouse.domain.service;

import io.gatehouse.domain.model.EmailToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.out.ApiTokens;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.gatehouse.domain.port.out.EmailTokens;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.time.Instant;

/**
 * The defence against account pre-hijacking (Sudhodanan and Paverd, 2022, "classic-federated merge"):
 * an account whose email was never verified may have been created by a squatter who does not own the
 * mailbox. When the mailbox's real owner arrives through an IdP that may vouch for the address (one of
 * a domain its workspace verified), the account becomes theirs, and everything the squatter could
 * still hold is revoked: the password, every session and refresh token, API tokens, the developer API
 * key, and any outstanding mailed link. Run inside the login's transaction.
 */
public final class UnverifiedAccountTakeover {

    private final Users users;
    private final Sessions sessions;
    private final ApiTokens apiTokens;
    private final DeveloperApiKeys developerApiKeys;
    private final EmailTokens emailTokens;
    private final Clock clock;

    public UnverifiedAccountTakeover(Users users, Sessions sessions, ApiTokens apiTokens, DeveloperApiKeys developerApiKeys,
                                     EmailTokens emailTokens, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.developerApiKeys = developerApiKeys;
        this.emailTokens = emailTokens;
        this.clock = clock;
    }

    /** @return the account as its owner now holds it: verified, without a password */
    public User reclaim(User account) {
        if (account.emailVerified()) {
            throw new IllegalArgumentException("only an unverified account can be reclaimed");
        }
        Instant now = clock.instant();
        users.lockForUpdate(account.id());
        users.removePassword(account.id());
        sessions.revokeAll(account.id(), now);
        apiTokens.disableAll(account.id(), now);
        developerApiKeys.deleteForUser(account.id());
        emailTokens.deleteAll(account.id(), EmailToken.Purpose.PASSWORD_RESET);
        emailTokens.deleteAll(account.id(), EmailToken.Purpose.EMAIL_VERIFICATION);
        users.markEmailVerified(account.id());
        return account.withPasswordHash(null).withEmailVerified(true);
    }
}
