package io.gatehouse.api.security;

import io.gatehouse.domain.model.TokenPolicy;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * {@code iss} must equal Gatehouse's issuer exactly (RFC 7519 4.1.1, RFC 8725 3.8). In place of the
 * framework's {@code IssuerJwtClaimsValidator}, which accepts any issuer the expected one ends with
 * once scheme and trailing slash are removed: an empty {@code iss}, or {@code "8080"} for
 * {@code http://localhost:8080}, would pass it.
 */
@Singleton
final class ExactIssuerValidator<T> implements GenericJwtClaimsValidator<T> {

    private final String issuer;

    ExactIssuerValidator(TokenPolicy policy) {
        this.issuer = policy.issuer();
    }

    @Override
    public boolean validate(Claims claims, T request) {
        return issuer.equals(claims.get(Claims.ISSUER));
    }
}
