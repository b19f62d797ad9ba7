package io.gatehouse.api.account;

import io.gatehouse.domain.model.User;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A user as every endpoint shows it: never with a password hash, only whether one is set. */
@Serdeable
public record UserResponse(UUID id, String email, String fullName, String status, Instant createdAt,
                           Instant lastLoginAt, boolean hasPassword, boolean emailVerified) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id().value(), user.email().value(), user.fullName(), user.status().wireName(),
                user.createdAt(), user.lastLoginAt(), user.hasPassword(), user.emailVerified());
    }
}
