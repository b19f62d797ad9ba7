package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.PublicSigningKey;
import io.gatehouse.domain.port.out.AccessTokenCodec;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issues opaque strings and remembers their claims; expiry is checked against the test clock. */
public final class FakeAccessTokenCodec implements AccessTokenCodec {

    private final Map<String, AccessTokenClaims> issued = new HashMap<>();
    private final Clock clock;

    public FakeAccessTokenCodec(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        String token = "fake-jwt-" + claims.tokenId();
        issued.put(token, claims);
        return token;
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        return Optional.ofNullable(issued.get(token)).filter(claims -> claims.expiresAt().isAfter(clock.instant()));
    }

    @Override
    public List<PublicSigningKey> publishedKeys() {
        return List.of();
    }
}
