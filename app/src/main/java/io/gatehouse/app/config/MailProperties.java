package io.gatehouse.app.config;

import io.gatehouse.domain.model.MailPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_MAIL_FROM} (default {@code Gatehouse <no-reply@<public URL host>>}), and how the outbox
 * is drained: {@code GATEHOUSE_MAIL_POLL_INTERVAL}, {@code ..._BATCH_SIZE}, {@code ..._CLAIM_LEASE},
 * {@code ..._FIRST_RETRY}, {@code ..._MAX_RETRY}, {@code ..._GIVE_UP_AFTER}, {@code ..._RETENTION} (how long
 * sent messages' records are kept).
 */
@ConfigurationProperties("gatehouse.mail")
public record MailProperties(
        @Nullable String from,
        @Bindable(defaultValue = "5s") Duration pollInterval,
        @Bindable(defaultValue = "50") int batchSize,
        @Bindable(defaultValue = "5m") Duration claimLease,
        @Bindable(defaultValue = "30s") Duration firstRetry,
        @Bindable(defaultValue = "30m") Duration maxRetry,
        @Bindable(defaultValue = "48h") Duration giveUpAfter,
        @Bindable(defaultValue = "7d") Duration retention) {

    public MailPolicy toPolicy() {
        return new MailPolicy(batchSize, claimLease, firstRetry, maxRetry, giveUpAfter);
    }
}
