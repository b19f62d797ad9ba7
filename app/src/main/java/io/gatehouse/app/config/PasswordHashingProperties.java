package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Argon2id cost ({@code GATEHOUSE_PASSWORD_ARGON2_MEMORY_KIB}, {@code ..._ITERATIONS},
 * {@code ..._PARALLELISM}). The default is the first OWASP Password Storage Cheat Sheet
 * recommendation: m=19 MiB, t=2, p=1. Raising a value makes existing hashes upgrade on next login.
 * {@code GATEHOUSE_PASSWORD_ARGON2_CONCURRENCY} bounds how many hashes run at once (0, the default:
 * as many as the JVM has processors), which bounds their memory to concurrency × memory cost.
 */
@ConfigurationProperties("gatehouse.password.argon2")
public record PasswordHashingProperties(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism,
        @Bindable(defaultValue = "0") int concurrency) {

    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
