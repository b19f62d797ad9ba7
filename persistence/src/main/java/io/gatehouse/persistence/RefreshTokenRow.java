package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("refresh_tokens")
record RefreshTokenRow(@Id String tokenHash, UUID sessionId, UUID userId, Instant issuedAt, Instant expiresAt,
                       @Nullable Instant usedAt) {
}
