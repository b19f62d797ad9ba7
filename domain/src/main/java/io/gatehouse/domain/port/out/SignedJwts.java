package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.IdTokenClaims;
import java.util.Map;
import java.util.Optional;

/** ID tokens signed with the same rotating keys as access tokens, and any JWT of Gatehouse's checked against those keys. */
public interface SignedJwts {

    String signIdToken(IdTokenClaims claims);

    /**
     * The claims of a JWT whose signature verifies with one of Gatehouse's current or overlapping keys (by {@code kid},
     * with that key's own algorithm); empty for anything else. Times ({@code exp}, {@code iat}) come as epoch seconds
     * ({@link Number}); the caller checks issuer, audience and expiry.
     */
    Optional<Map<String, Object>> verifiedClaims(String jwt);
}
