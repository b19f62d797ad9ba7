package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Argon2id cost ({@code GATEHOUSE_PASSWORD_ARGON2_MEMORY_KIB}, {@code ..._ITERATIONS},
 * {@code ..._PARALLELISM}). The default is the first OWASP Password Storage Cheat Sheet
 * recommendation: m=19 MiB, t=2, p=1. Raising a value makes existing hashes upgrade on next login.
 */
@ConfigurationProperties("gatehouse.password.argon2")
public record PasswordHashingProperties(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism) {
}
