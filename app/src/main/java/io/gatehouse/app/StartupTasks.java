package io.gatehouse.app;

import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.app.crypto.JwtSigningKeyRing;
import io.gatehouse.domain.service.InstanceAdminBootstrap;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
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
    private final JwtSigningKeyRing keyRing;
    private final ExecutorService blocking;

    StartupTasks(GatehouseProperties properties, InstanceAdminBootstrap bootstrap, JwtSigningKeyRing keyRing,
                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.properties = properties;
        this.bootstrap = bootstrap;
        this.keyRing = keyRing;
        this.blocking = blocking;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        blocking.execute(() -> {
            try {
                LOG.debug("JWT signing keys ready: {}", keyRing.publishedKeys().size());
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
