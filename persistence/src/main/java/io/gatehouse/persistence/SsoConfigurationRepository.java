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

    /** Recomputes the row's copy of the workspace's verified domains from verified_domains (the authority). */
    @Query("""
            UPDATE sso_configurations SET verified_domains = COALESCE(
                (SELECT STRING_AGG(v.domain, ',' ORDER BY v.domain) FROM verified_domains v WHERE v.workspace_id = :workspaceId), '')
            WHERE workspace_id = :workspaceId""")
    int refreshVerifiedDomains(UUID workspaceId);
}
