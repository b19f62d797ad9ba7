package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.AccessTokenClaims;

/**
 * Turns access-token claims into a signed JWT with the shared, database-held signing keys. Checking
 * a presented token (signature, issuer, audience, lifetime) is the HTTP adapter's framework's job;
 * the domain only says whether the token's family is still honoured ({@code TokenUseCase.isFamilyLive}).
 */
public interface AccessTokenSigner {

    String sign(AccessTokenClaims claims);
}
