package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("api_tokens")
record ApiTokenRow(
        @Id UUID id,
        UUID userId,
        @Nullable UUID workspaceId,
        @Nullable String note,
        String tokenPrefix,
        String tokenHash,
        boolean isDefault,
        boolean enabled,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt) {
}
