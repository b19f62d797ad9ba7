package io.gatehouse.api.account;

import io.gatehouse.domain.model.Workspace;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

@Serdeable
public record WorkspaceResponse(UUID id, String name, Instant createdAt) {

    public static WorkspaceResponse of(Workspace workspace) {
        return new WorkspaceResponse(workspace.id().value(), workspace.name(), workspace.createdAt());
    }
}
