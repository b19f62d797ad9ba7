package io.gatehouse.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("workspaces")
record WorkspaceRow(@Id UUID id, String name, Instant createdAt) {
}
