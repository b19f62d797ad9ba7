package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/** Access-token lifetime and the {@code iss}/{@code aud} every token carries and every verification demands. */
public record TokenPolicy(String issuer, String audience, Duration accessTokenLifetime) {
    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero() || accessTokenLifetime.toHours() > 24) {
            throw new IllegalArgumentException("access token lifetime must be between 1 s and 24 h");
        }
    }
}
