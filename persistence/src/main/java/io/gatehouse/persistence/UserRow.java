package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("users")
record UserRow(
        @Id UUID id,
        String email,
        @Nullable String fullName,
        String status,
        @Nullable String passwordHash,
        boolean instanceAdmin,
        Instant createdAt,
        @Nullable Instant lastLoginAt,
        boolean emailVerified) {
}
