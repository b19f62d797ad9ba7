package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("sessions")
record SessionRow(
        @Id UUID id,
        UUID userId,
        @Nullable String tokenHash,
        String authMethod,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable Instant revokedAt) {
}
