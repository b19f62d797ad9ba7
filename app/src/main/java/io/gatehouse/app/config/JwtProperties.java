package io.gatehouse.app.config;

import io.gatehouse.crypto.jwt.SigningAlgorithm;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code GATEHOUSE_JWT_ACCESS_TOKEN_LIFETIME}, {@code GATEHOUSE_JWT_AUDIENCE},
 * {@code GATEHOUSE_JWT_KEY_ROTATION_INTERVAL}, {@code GATEHOUSE_JWT_KEY_OVERLAP}, {@code GATEHOUSE_JWT_CLOCK_SKEW},
 * {@code GATEHOUSE_JWT_KEY_RELOAD_INTERVAL} (how soon a rotation made by another node is followed here),
 * {@code GATEHOUSE_JWT_ALGORITHM} (RS256, the default, or ES256: the algorithm of new signing keys; every node of one
 * deployment needs the same). The overlap must exceed the access-token lifetime, so no token outlives the key that
 * verifies it.
 */
@ConfigurationProperties("gatehouse.jwt")
public record JwtProperties(
        @Bindable(defaultValue = "15m") Duration accessTokenLifetime,
        @Bindable(defaultValue = "gatehouse") String audience,
        @Bindable(defaultValue = "30d") Duration keyRotationInterval,
        @Bindable(defaultValue = "1d") Duration keyOverlap,
        @Bindable(defaultValue = "30s") Duration clockSkew,
        @Bindable(defaultValue = "60s") Duration keyReloadInterval,
        @Bindable(defaultValue = "RS256") String algorithm) {

    public JwtProperties {
        if (keyOverlap.compareTo(accessTokenLifetime) <= 0) {
            throw new IllegalArgumentException("gatehouse.jwt.key-overlap must be longer than the access token lifetime");
        }
        SigningAlgorithm.named(algorithm);
    }
}
