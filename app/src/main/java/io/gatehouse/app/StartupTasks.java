package io.gatehouse.app;

import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.crypto.jwt.SigningKeyRing;
import io.gatehouse.domain.service.InstanceAdminBootstrap;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates (or promotes) the configured instance administrator before the server takes requests,
 * and, once it is listening, makes sure a JWT signing key exists (generated on the very first start)
 * off the start-up path, so the first token request does not pay for key generation either.
 */
@Singleton
class StartupTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);
    private final GatehouseProperties properties;
    private final InstanceAdminBootstrap bootstrap;
    private final SigningKeyRing keyRing;
    private final TaskScheduler scheduler;
    private final Duration keyWarmupDelay;

    StartupTasks(GatehouseProperties properties, InstanceAdminBootstrap bootstrap, SigningKeyRing keyRing,
                 @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                 @Value("${gatehouse.jwt.key-warmup-delay:3s}") Duration keyWarmupDelay) {
        this.properties = properties;
        this.bootstrap = bootstrap;
        this.keyRing = keyRing;
        this.scheduler = scheduler;
        this.keyWarmupDelay = keyWarmupDelay;
    }

    /**
     * A few seconds after the server listens, so that generating an RSA key on the very first start
     * does not compete with the first requests for the CPU.
     */
    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        scheduler.schedule(keyWarmupDelay, () -> {
            try {
                LOG.debug("JWT signing key ready: {}", keyRing.current().signingKid());
            } catch (RuntimeException e) {
                // Not fatal here: the first token request retries, and reports the cause itself.
                LOG.error("Could not load or create the JWT signing key", e);
            }
        });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String email = properties.bootstrapAdminEmail();
        String password = properties.bootstrapAdminPassword();
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return;
        }
        var admin = bootstrap.ensure(email, password);
        LOG.info("Instance administrator {} is present", admin.email());
    }
}
