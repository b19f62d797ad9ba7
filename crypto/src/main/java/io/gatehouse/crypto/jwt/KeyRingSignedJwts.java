package io.gatehouse.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.domain.model.IdTokenClaims;
import io.gatehouse.domain.port.out.SignedJwts;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ID tokens (OpenID Connect Core 2) signed by the key ring through the same {@link KeyRingSignature} as access tokens,
 * and the verification of any of Gatehouse's JWTs by that signature alone (kid of one of our keys, that key's own
 * algorithm, {@code typ} JWT); the claims are the caller's to check.
 */
public final class KeyRingSignedJwts implements SignedJwts {

    /** A JWT larger than this is not one of ours. */
    private static final int MAX_LENGTH = 16_384;

    private final KeyRingSignature signature;

    public KeyRingSignedJwts(KeyRingSignature signature) {
        this.signature = signature;
    }

    @Override
    public String signIdToken(IdTokenClaims claims) {
        JWTClaimsSet.Builder jwt = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject().toString())
                .audience(claims.audience())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("auth_time", claims.authTime().getEpochSecond())
                .claim("amr", claims.authenticationMethods())
                .claim("sid", claims.sessionId().toString())
                // OpenID Connect Core 2: azp when the ID token has a single audience is optional; it names the client.
                .claim("azp", claims.audience());
        if (claims.nonce() != null) {
            jwt.claim("nonce", claims.nonce());
        }
        claims.scopedClaims().forEach(jwt::claim);
        try {
            return signature.sign(jwt.build()).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the ID token could not be signed", e);
        }
    }

    @Override
    public Optional<Map<String, Object>> verifiedClaims(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!signature.verify(jwt)) {
                return Optional.empty();
            }
            Map<String, Object> claims = new LinkedHashMap<>(jwt.getJWTClaimsSet().toJSONObject());
            return Optional.of(claims);
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
