package io.gatehouse.app;

import io.gatehouse.crypto.jwt.SigningKeyRing;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the JWT signing keys every {@code GATEHOUSE_JWT_KEY_RELOAD_INTERVAL}, off any request: the JWKS endpoint answers from the snapshot without waiting on the database, so a
 * node that only serves the JWKS still follows a rotation made on another node within the interval.
 */
@Singleton
class SigningKeyRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyRefresh.class);

    private final SigningKeyRing keyRing;

    SigningKeyRefresh(SigningKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @Scheduled(initialDelay = "${gatehouse.jwt.key-reload-interval:60s}", fixedDelay = "${gatehouse.jwt.key-reload-interval:60s}")
    void refresh() {
        try {
            keyRing.reload();
        } catch (RuntimeException e) {
            // The previous snapshot stays in use; requests that need the database report the outage themselves.
            LOG.warn("Could not reload the JWT signing keys: {}", e.toString());
        }
    }
}
