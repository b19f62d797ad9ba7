package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_DNS_RESOLVERS} (comma-separated {@code host[:port]}; unset: the system's resolvers)
 * and {@code GATEHOUSE_DNS_TIMEOUT} (per resolver), used to verify domain ownership.
 */
@ConfigurationProperties("gatehouse.dns")
public record DnsProperties(@Nullable String resolvers, @Bindable(defaultValue = "3s") Duration timeout) {
}
