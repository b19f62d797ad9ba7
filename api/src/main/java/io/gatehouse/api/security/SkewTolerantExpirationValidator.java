package io.gatehouse.api.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.domain.model.TokenPolicy;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Date;

/**
 * {@code exp} is required and must not have passed (RFC 7519 4.1.4), with {@code GATEHOUSE_JWT_CLOCK_SKEW}
 * of tolerance for a token minted by another node whose clock runs ahead. Replaces the framework's
 * validator, which lets a token without {@code exp} through, reads the system clock instead of the
 * injected one, and tolerates no skew.
 */
@Singleton
@Replaces(ExpirationJwtClaimsValidator.class)
final class SkewTolerantExpirationValidator<T> extends ExpirationJwtClaimsValidator<T> {

    private final Clock clock;
    private final TokenPolicy policy;

    SkewTolerantExpirationValidator(Clock clock, TokenPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    protected boolean validate(JWTClaimsSet claims) {
        Date expiry = claims.getExpirationTime();
        return expiry != null && clock.instant().isBefore(expiry.toInstant().plus(policy.clockSkew()));
    }
}
