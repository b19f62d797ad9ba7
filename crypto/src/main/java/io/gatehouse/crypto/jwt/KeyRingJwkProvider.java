package io.gatehouse.crypto.jwt;

import com.nimbusds.jose.jwk.JWK;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import java.time.Instant;
import java.util.List;

/**
 * The public halves of the ring's keys for micronaut-security-jwt's keys endpoint (RFC 7517 5): the
 * current key and those still inside their overlap, never a private part. Served from the last
 * loaded snapshot without waiting on the database (the endpoint runs on the event loop); a periodic
 * job keeps the snapshot fresh.
 */
public final class KeyRingJwkProvider implements JwkProvider {

    private final SigningKeyRing ring;

    public KeyRingJwkProvider(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public List<JWK> retrieveJsonWebKeys() {
        SigningKeyRing.Keys keys = ring.loaded();
        Instant now = ring.clock().instant();
        return keys.published().stream()
                .filter(jwk -> keys.isUsable(jwk.getKeyID(), now))
                .map(JWK::toPublicJWK)
                .toList();
    }
}
