package io.gatehouse.crypto.jwt;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import java.text.ParseException;
import java.util.Optional;

/**
 * micronaut-security-jwt's token parser, minus the repeated work: a token whose signature a current
 * key already verified comes back as the object parsed then (base64 and JSON decoding were a fifth of
 * a bearer request's validation), anything else is parsed afresh. The framework then runs the same
 * signature and claim checks on it either way. Gatehouse issues no encrypted tokens, so none is
 * decrypted; an encrypted or unsigned one fails the signature check.
 */
public final class RememberingJwtParser implements JsonWebTokenParser<JWT> {

    private final SigningKeyRing ring;

    public RememberingJwtParser(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public Optional<JWT> parse(String token) {
        JWT verified = ring.loaded().verified().get(token);
        if (verified != null) {
            return Optional.of(verified);
        }
        try {
            return Optional.of(JWTParser.parse(token));
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }

    /** The claims of a readable token, unverified (the framework's contract for this method). */
    @Override
    public Optional<Claims> parseClaims(String token) {
        try {
            Optional<JWT> jwt = parse(token);
            return jwt.isEmpty() ? Optional.empty() : Optional.of(new JwtClaimsSetAdapter(jwt.get().getJWTClaimsSet()));
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }
}
