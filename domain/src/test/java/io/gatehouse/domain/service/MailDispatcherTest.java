package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.InMemoryMailOutbox;
import io.gatehouse.domain.fakes.MutableClock;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.MailPolicy;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.port.out.MailTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Draining the outbox: claims, retries with back-off through an outage, and giving up. */
class MailDispatcherTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final MailPolicy policy = new MailPolicy(10, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofHours(48));
    private final List<UUID> delivered = new ArrayList<>();
    private boolean relayDown;
    private final MailTransport relay = mail -> {
        if (relayDown) {
            throw new MailTransport.DeliveryFailed("ConnectException: Connection refused");
        }
        delivered.add(mail.id());
    };
    private final MailDispatcher dispatcher = new MailDispatcher(outbox, relay, policy, clock);

    @Test
    void anOutageDelaysMailWithGrowingBackoffAndLosesNone() {
        relayDown = true;
        UUID id = outbox.enqueue(mail("a@x.test"), clock.instant());

        assertThat(dispatcher.sendDue().failed()).isEqualTo(1);
        assertThat(outbox.row(id).nextAttempt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(outbox.row(id).error()).contains("Connection refused");
        assertThat(dispatcher.sendDue().failed()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(30));
        dispatcher.sendDue();
        assertThat(outbox.row(id).nextAttempt()).isEqualTo(clock.instant().plusSeconds(60));

        relayDown = false;
        clock.advance(Duration.ofSeconds(60));
        assertThat(dispatcher.sendDue().sent()).isEqualTo(1);
        assertThat(delivered).containsExactly(id);
        assertThat(outbox.row(id).status()).isEqualTo("sent");
        assertThat(dispatcher.sendDue().sent()).as("sent once").isZero();
    }

    @Test
    void aClaimedMessageIsNotDeliveredByAnotherNodeUntilItsLeaseEnds() {
        UUID id = outbox.enqueue(mail("b@x.test"), clock.instant());
        QueuedMail seen = outbox.due(clock.instant(), 10).get(0);
        QueuedMail firstNodes = outbox.claim(seen, clock.instant().plus(policy.claimLease())).orElseThrow();
        assertThat(outbox.claim(seen, clock.instant().plus(policy.claimLease()))).as("same version twice").isEmpty();

        assertThat(dispatcher.sendDue().sent()).as("held by the first node").isZero();
        clock.advance(policy.claimLease());
        assertThat(dispatcher.sendDue().sent()).as("the first node stalled; the lease ended").isEqualTo(1);
        assertThat(delivered).containsExactly(id);
        // The stalled node wakes up and reports a failure on its stale claim: the delivery stands.
        outbox.failed(firstNodes, "timeout", clock.instant(), java.util.Optional.of(clock.instant()));
        assertThat(outbox.row(id).status()).isEqualTo("sent");
        assertThat(dispatcher.sendDue().sent()).isZero();
    }

    @Test
    void aMessageIsGivenUpAfterItsTimeAndNeverTriedAgain() {
        relayDown = true;
        UUID id = outbox.enqueue(mail("c@x.test"), clock.instant());
        clock.advance(policy.giveUpAfter());

        assertThat(dispatcher.sendDue().givenUp()).isEqualTo(1);
        assertThat(outbox.row(id).status()).isEqualTo("given_up");
        relayDown = false;
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.sendDue().sent()).isZero();
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofMinutes(10));
    }

    private static OutgoingMail mail(String to) {
        return new OutgoingMail(OutgoingMail.Kind.PASSWORD_RESET, new Email(to), "s", "t", "<p>t</p>");
    }
}
