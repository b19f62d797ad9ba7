package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WorkspaceRepository extends CrudRepository<WorkspaceRow, UUID> {

    @Query("SELECT id FROM workspaces WHERE id = :id FOR UPDATE")
    Optional<UUID> lockForUpdate(UUID id);
}
