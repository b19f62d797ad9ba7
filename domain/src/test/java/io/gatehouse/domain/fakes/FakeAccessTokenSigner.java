package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.port.out.AccessTokenSigner;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Issues opaque strings and remembers their claims, so a test can read back what a token asserts. */
public final class FakeAccessTokenSigner implements AccessTokenSigner {

    private final Map<String, AccessTokenClaims> issued = new HashMap<>();
    private final Clock clock;

    public FakeAccessTokenSigner(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        String token = "fake-jwt-" + claims.tokenId();
        issued.put(token, claims);
        return token;
    }

    /** The claims of a token this fake signed and that has not expired on the test clock (what a verifier would accept). */
    public Optional<AccessTokenClaims> unexpiredClaimsOf(String token) {
        return Optional.ofNullable(issued.get(token)).filter(claims -> claims.expiresAt().isAfter(clock.instant()));
    }
}
