package io.gatehouse.domain.model;

import java.util.Objects;

/**
 * An encoded password hash, self-describing (for argon2id the PHC string format
 * {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}) so that parameters can be raised later
 * and old hashes still verify. Never holds a plain password; {@link #toString()} hides it anyway.
 */
public record PasswordHash(String encoded) {
    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("empty password hash");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
