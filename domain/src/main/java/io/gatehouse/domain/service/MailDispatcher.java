package io.gatehouse.domain.service;

import io.gatehouse.domain.model.MailPolicy;
import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.port.out.MailTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Drains the outbox: claims each due message (one node wins each claim), hands it to the transport,
 * and marks it sent, or failed with an exponential back-off. An SMTP outage therefore delays mail and
 * loses none; a node that dies mid-delivery leaves its claim to expire, and another node delivers.
 */
public final class MailDispatcher {

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailPolicy policy;
    private final Clock clock;

    public MailDispatcher(MailOutbox outbox, MailTransport transport, MailPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.policy = policy;
        this.clock = clock;
    }

    /** One pass over the due messages. */
    public Pass sendDue() {
        int sent = 0;
        int failed = 0;
        int givenUp = 0;
        for (QueuedMail due : outbox.due(clock.instant(), policy.batchSize())) {
            Optional<QueuedMail> claimed = outbox.claim(due, clock.instant().plus(policy.claimLease()));
            if (claimed.isEmpty()) {
                continue;
            }
            QueuedMail mail = claimed.get();
            try {
                transport.deliver(mail);
                outbox.sent(mail, clock.instant());
                sent++;
            } catch (MailTransport.DeliveryFailed e) {
                Instant now = clock.instant();
                boolean giveUp = Duration.between(mail.createdAt(), now).compareTo(policy.giveUpAfter()) >= 0;
                outbox.failed(mail, e.getMessage(), now, giveUp ? Optional.empty() : Optional.of(now.plus(policy.backoff(mail.attempts() + 1))));
                if (giveUp) {
                    givenUp++;
                } else {
                    failed++;
                }
            }
        }
        return new Pass(sent, failed, givenUp);
    }

    /** What one pass did: delivered, failed and to be retried, given up. */
    public record Pass(int sent, int failed, int givenUp) {
    }
}
