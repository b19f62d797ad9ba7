package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.PublicSigningKey;
import java.util.List;
import java.util.Optional;

/** Signs and verifies access JWTs with the shared, database-held signing keys. */
public interface AccessTokenCodec {

    String sign(AccessTokenClaims claims);

    /**
     * The claims of a token whose signature verifies with a published key and whose algorithm,
     * issuer, audience and lifetime are acceptable; empty otherwise (never an exception).
     */
    Optional<AccessTokenClaims> verify(String token);

    /** The keys a relying party may verify with: the current one and those within their overlap. */
    List<PublicSigningKey> publishedKeys();
}
