package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_SMTP_HOST} (unset: messages become {@code .eml} files under {@code <data dir>/outbox/}),
 * {@code GATEHOUSE_SMTP_PORT}, {@code GATEHOUSE_SMTP_USERNAME}, {@code GATEHOUSE_SMTP_PASSWORD},
 * {@code GATEHOUSE_SMTP_STARTTLS} (required when true), {@code GATEHOUSE_SMTP_TIMEOUT}.
 */
@ConfigurationProperties("gatehouse.smtp")
public record SmtpProperties(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "true") boolean starttls,
        @Bindable(defaultValue = "30s") Duration timeout) {

    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username + ", password=redacted, starttls=" + starttls
                + ", timeout=" + timeout + "]";
    }
}
