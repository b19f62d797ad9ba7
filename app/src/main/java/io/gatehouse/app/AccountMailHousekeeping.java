package io.gatehouse.app;

import io.gatehouse.app.config.MailProperties;
import io.gatehouse.domain.port.out.EmailTokens;
import io.gatehouse.domain.port.out.Invitations;
import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.service.EmailOwnershipService;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what mailed links leave behind: expired tokens, invitations expired for a month (kept that
 * long so admins see them lapse), delivered or abandoned outbox records past their retention, and
 * reset/verification counters past their window. Idempotent across nodes.
 */
@Singleton
class AccountMailHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMailHousekeeping.class);
    private static final Duration EXPIRED_INVITATION_RETENTION = Duration.ofDays(30);
    private final EmailTokens tokens;
    private final Invitations invitations;
    private final MailOutbox outbox;
    private final EmailOwnershipService emailOwnership;
    private final MailProperties mail;

    AccountMailHousekeeping(EmailTokens tokens, Invitations invitations, MailOutbox outbox, EmailOwnershipService emailOwnership,
                            MailProperties mail) {
        this.tokens = tokens;
        this.invitations = invitations;
        this.outbox = outbox;
        this.emailOwnership = emailOwnership;
        this.mail = mail;
    }

    void purge(Instant now) {
        int expiredTokens = tokens.purgeExpired(now);
        int lapsed = invitations.purgeExpiredBefore(now.minus(EXPIRED_INVITATION_RETENTION));
        int delivered = outbox.purgeFinishedBefore(now.minus(mail.retention()));
        int counters = emailOwnership.purgeCounters();
        LOG.debug("Housekeeping removed {} mailed-link tokens, {} lapsed invitations, {} outbox records and {} counters", expiredTokens,
                lapsed, delivered, counters);
    }
}
