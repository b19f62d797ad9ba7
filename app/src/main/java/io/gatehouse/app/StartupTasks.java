package io.gatehouse.app;

import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.domain.service.InstanceAdminBootstrap;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates (or promotes) the configured instance administrator before the server takes requests. */
@Singleton
class StartupTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);
    private final GatehouseProperties properties;
    private final InstanceAdminBootstrap bootstrap;

    StartupTasks(GatehouseProperties properties, InstanceAdminBootstrap bootstrap) {
        this.properties = properties;
        this.bootstrap = bootstrap;
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
