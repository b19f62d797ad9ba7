package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A tenant. Its name is what people see; its id is what every tenant-owned row carries. */
public record Workspace(WorkspaceId id, String name, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("workspace name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }
}
