package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SsoConfigurationRepository extends CrudRepository<SsoConfigurationRow, UUID> {

    @Query("SELECT workspace_id FROM sso_domains WHERE domain = :domain")
    Optional<UUID> findWorkspaceOfDomain(String domain);

    @Query("SELECT domain FROM sso_domains WHERE domain IN (:domains) AND workspace_id <> :workspaceId ORDER BY domain")
    List<String> findClaimedElsewhere(UUID workspaceId, Collection<String> domains);

    @Query("DELETE FROM sso_domains WHERE workspace_id = :workspaceId")
    int deleteDomains(UUID workspaceId);

    /** ON CONFLICT DO NOTHING: a domain someone else holds is a zero count, not an aborted transaction. */
    @Query("INSERT INTO sso_domains (domain, workspace_id, position) VALUES (:domain, :workspaceId, :position) ON CONFLICT DO NOTHING")
    int claimDomain(String domain, UUID workspaceId, int position);
}
