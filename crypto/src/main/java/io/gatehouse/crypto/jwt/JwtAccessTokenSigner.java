package io.gatehouse.crypto.jwt;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.port.out.AccessTokenSigner;
import io.micronaut.security.token.generator.TokenGenerator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the domain's access-token claims as a JWT through micronaut-security-jwt's token generator,
 * which signs with the key ring ({@link KeyRingSignature}). The claim names are RFC 7519 4.1's plus
 * {@code sid} (the token family) and {@code amr} (RFC 8176).
 */
public final class JwtAccessTokenSigner implements AccessTokenSigner {

    private final TokenGenerator generator;

    public JwtAccessTokenSigner(TokenGenerator generator) {
        this.generator = generator;
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("iss", claims.issuer());
        jwt.put("sub", claims.subject().toString());
        jwt.put("aud", claims.audience());
        jwt.put("iat", Date.from(claims.issuedAt()));
        jwt.put("exp", Date.from(claims.expiresAt()));
        jwt.put("jti", claims.tokenId());
        jwt.put("sid", claims.sessionId().toString());
        jwt.put("amr", claims.authenticationMethods());
        // The generator reports a signing failure as empty (it logs the JOSE exception); a key-ring failure is thrown as is.
        return generator.generateToken(jwt).orElseThrow(() -> new IllegalStateException("the access token could not be signed"));
    }
}
