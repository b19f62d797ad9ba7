package io.gatehouse.domain.model;

import java.util.Objects;

/**
 * What an OpenID provider vouched for in an ID token that passed every check: its subject (with the provider,
 * the identity key: OpenID Connect Core 5.7 says only {@code iss} + {@code sub} identify a person, never the
 * email), and the email with whether the provider verified it.
 */
public record OpenIdIdentity(String subject, String email, boolean emailVerified, String fullName) {

    public OpenIdIdentity {
        Objects.requireNonNull(subject, "subject");
    }
}
