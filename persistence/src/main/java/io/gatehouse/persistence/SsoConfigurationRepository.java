package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SsoConfigurationRepository extends CrudRepository<SsoConfigurationRow, UUID> {

    @Query("SELECT workspace_id FROM verified_domains WHERE domain = :domain")
    Optional<UUID> findWorkspaceOfVerifiedDomain(String domain);
}
