package io.gatehouse.app;

import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.service.MailDispatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the mail outbox on every node (claims keep two nodes from sending one message), and publishes
 * {@code gatehouse_mail_messages_total{event="sent"|"failed"|"given_up"}}, {@code gatehouse_mail_queued}
 * (messages waiting) and {@code gatehouse_mail_oldest_queued_age_seconds} (how long the oldest waits: a
 * growing age means the relay does not take mail).
 */
@Singleton
class MailSenderJob {

    private static final Logger LOG = LoggerFactory.getLogger(MailSenderJob.class);
    private final MailDispatcher dispatcher;
    private final MailOutbox outbox;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Counter givenUp;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    MailSenderJob(MailDispatcher dispatcher, MailOutbox outbox, MeterRegistry registry, Clock clock) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
        this.sent = counter(registry, "sent");
        this.failed = counter(registry, "failed");
        this.givenUp = counter(registry, "given_up");
        Gauge.builder("gatehouse.mail.queued", queued, AtomicLong::get).description("Messages waiting in the outbox").register(registry);
        Gauge.builder("gatehouse.mail.oldest.queued.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest waiting message has waited").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String event) {
        return Counter.builder("gatehouse.mail.messages").description("Outbox deliveries by outcome").tag("event", event).register(registry);
    }

    @Scheduled(initialDelay = "${gatehouse.mail.initial-delay:5s}", fixedDelay = "${gatehouse.mail.poll-interval:5s}")
    void drain() {
        MailDispatcher.Pass pass = dispatcher.sendDue();
        sent.increment(pass.sent());
        failed.increment(pass.failed());
        givenUp.increment(pass.givenUp());
        if (pass.failed() > 0 || pass.givenUp() > 0) {
            LOG.warn("Mail delivery: {} message(s) failed and will be retried, {} given up (see mail_outbox.last_error)", pass.failed(),
                    pass.givenUp());
        }
        MailOutbox.Backlog backlog = outbox.backlog();
        queued.set(backlog.pending());
        oldestAgeSeconds.set(backlog.oldestCreatedAt().map(oldest -> Duration.between(oldest, clock.instant()).toSeconds()).orElse(0L));
    }
}
