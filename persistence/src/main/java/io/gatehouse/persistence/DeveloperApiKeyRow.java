package io.gatehouse.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("developer_api_keys")
record DeveloperApiKeyRow(@Id UUID userId, String apiKey, String secretHash, Instant createdAt) {
}
