package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Access-token lifetime, the {@code iss}/{@code aud} every token carries and every verification
 * demands, and the clock difference between nodes a verification tolerates on {@code exp}.
 */
public record TokenPolicy(String issuer, String audience, Duration accessTokenLifetime, Duration clockSkew) {
    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero() || accessTokenLifetime.toHours() > 24) {
            throw new IllegalArgumentException("access token lifetime must be between 1 s and 24 h");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("JWT clock skew must be between 0 and 5 min");
        }
    }
}
