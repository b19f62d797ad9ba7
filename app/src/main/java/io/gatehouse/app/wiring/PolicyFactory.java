package io.gatehouse.app.wiring;

import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.app.config.LoginThrottleProperties;
import io.gatehouse.app.config.PasswordHashingProperties;
import io.gatehouse.app.config.SamlProperties;
import io.gatehouse.app.config.SessionProperties;
import io.gatehouse.app.config.SsoLimitsProperties;
import io.gatehouse.crypto.Argon2Inlining;
import io.gatehouse.crypto.Argon2idPasswordHasher;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.RedirectPolicy;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.SsoLimits;
import io.gatehouse.domain.model.ThrottlePolicy;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;

/** Configuration turned into the domain's policy values, plus the clock and randomness everyone shares. */
@Factory
class PolicyFactory {

    /**
     * Microsecond ticks: PostgreSQL and H2 store timestamps to the microsecond, so an instant returned
     * when a row is written equals the one read back later.
     */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /** Built eagerly ({@code @Context}) so that a malformed setting stops start-up instead of a request. */
    @Context
    PublicUrl publicUrl(GatehouseProperties properties, @Value("${micronaut.server.port:8080}") int port) {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return PublicUrl.parse(configured);
        }
        // A random port (-1 or 0) is only known once the server is bound: fall back to the bare host.
        return PublicUrl.parse(port > 0 ? "http://localhost:" + port : "http://localhost");
    }

    @Context
    RedirectPolicy redirectPolicy(GatehouseProperties properties) {
        return new RedirectPolicy(new HashSet<>(properties.redirectAllowedOrigins()));
    }

    @Context
    SamlPolicy samlPolicy(SamlProperties properties) {
        return properties.toPolicy();
    }

    @Context
    SsoLimits ssoLimits(SsoLimitsProperties properties) {
        return properties.toLimits();
    }

    @Context
    SessionPolicy sessionPolicy(SessionProperties properties) {
        return properties.toPolicy();
    }

    @Context
    ThrottlePolicy throttlePolicy(LoginThrottleProperties properties) {
        return properties.toPolicy();
    }

    @Singleton
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.DEFAULT;
    }

    @Context
    PasswordHasher passwordHasher(PasswordHashingProperties properties, SecureRandom random, MeterRegistry registry) {
        // Before the first hash can be compiled: see Argon2Inlining for why.
        Argon2Inlining.ensureInstalled();
        return new BoundedPasswordHasher(new Argon2idPasswordHasher(
                new Argon2idPasswordHasher.Cost(properties.memoryKib(), properties.iterations(), properties.parallelism()), random),
                properties.effectiveConcurrency(), registry);
    }
}
