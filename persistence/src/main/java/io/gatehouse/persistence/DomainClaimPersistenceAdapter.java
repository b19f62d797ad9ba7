package io.gatehouse.persistence;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.DomainClaims;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class DomainClaimPersistenceAdapter implements DomainClaims {

    private final DomainClaimRepository repository;
    private final SsoConfigurationRepository configurations;

    DomainClaimPersistenceAdapter(DomainClaimRepository repository, SsoConfigurationRepository configurations) {
        this.repository = repository;
        this.configurations = configurations;
    }

    @Override
    public boolean claim(WorkspaceId workspace, String domain, String challenge, Instant at) {
        return repository.insertIfAbsent(workspace.value(), domain, challenge, at) == 1;
    }

    @Override
    public Optional<DomainClaim> find(WorkspaceId workspace, String domain) {
        return repository.find(workspace.value(), domain).map(DomainClaimPersistenceAdapter::toClaim);
    }

    @Override
    public List<DomainClaim> ofWorkspace(WorkspaceId workspace) {
        return repository.ofWorkspace(workspace.value()).stream().map(DomainClaimPersistenceAdapter::toClaim).toList();
    }

    /** The claim, its verification (by cascade) and the configuration's copy of the verified domains change together. */
    @Override
    @Transactional
    public boolean delete(WorkspaceId workspace, String domain) {
        boolean deleted = repository.delete(workspace.value(), domain) == 1;
        configurations.refreshVerifiedDomains(workspace.value());
        return deleted;
    }

    /** ON CONFLICT DO NOTHING on the domain's key: a domain another workspace holds is a zero count, not an aborted transaction. */
    @Override
    @Transactional
    public boolean markVerified(WorkspaceId workspace, String domain, DomainClaim.VerificationMethod method, Instant at) {
        repository.insertVerification(domain, workspace.value(), method.wireName(), at);
        configurations.refreshVerifiedDomains(workspace.value());
        return verifiedOwner(domain).map(workspace::equals).orElse(false);
    }

    @Override
    public Optional<WorkspaceId> verifiedOwner(String domain) {
        return repository.verifiedOwner(domain).map(WorkspaceId::new);
    }

    @Override
    public List<String> verifiedElsewhere(WorkspaceId workspace, Collection<String> domains) {
        return domains.isEmpty() ? List.of() : repository.verifiedElsewhere(workspace.value(), domains);
    }

    private static DomainClaim toClaim(ClaimView row) {
        DomainClaim.Status status = row.verifiedBy() == null ? DomainClaim.Status.PENDING
                : row.verifiedBy().equals(row.workspaceId()) ? DomainClaim.Status.VERIFIED : DomainClaim.Status.TAKEN;
        boolean mine = status == DomainClaim.Status.VERIFIED;
        return new DomainClaim(new WorkspaceId(row.workspaceId()), row.domain(), row.challenge(), row.createdAt(), status,
                mine ? row.verifiedAt() : null,
                mine ? WireNamed.parse(DomainClaim.VerificationMethod.class, row.method()).orElseThrow() : null);
    }

    @MappedEntity("domain_claims")
    record DomainClaimRow(@Id UUID workspaceId, String domain, String challenge, Instant createdAt) {
    }

    /** A claim with the domain's verification, whoever holds it. */
    @Introspected
    record ClaimView(UUID workspaceId, String domain, String challenge, Instant createdAt, @Nullable UUID verifiedBy,
                     @Nullable String method, @Nullable Instant verifiedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface DomainClaimRepository extends GenericRepository<DomainClaimRow, UUID> {

        String CLAIM_VIEW = """
                SELECT c.workspace_id, c.domain, c.challenge, c.created_at, v.workspace_id AS verified_by, v.method, v.verified_at
                FROM domain_claims c LEFT JOIN verified_domains v ON v.domain = c.domain""";

        @Query("""
                INSERT INTO domain_claims (workspace_id, domain, challenge, created_at)
                VALUES (:workspaceId, :domain, :challenge, :at) ON CONFLICT DO NOTHING""")
        int insertIfAbsent(UUID workspaceId, String domain, String challenge, Instant at);

        @Query(value = CLAIM_VIEW + " WHERE c.workspace_id = :workspaceId AND c.domain = :domain", readOnly = true)
        Optional<ClaimView> find(UUID workspaceId, String domain);

        @Query(value = CLAIM_VIEW + " WHERE c.workspace_id = :workspaceId ORDER BY c.domain", readOnly = true)
        List<ClaimView> ofWorkspace(UUID workspaceId);

        @Query("DELETE FROM domain_claims WHERE workspace_id = :workspaceId AND domain = :domain")
        int delete(UUID workspaceId, String domain);

        @Query("""
                INSERT INTO verified_domains (domain, workspace_id, method, verified_at)
                VALUES (:domain, :workspaceId, :method, :at) ON CONFLICT DO NOTHING""")
        int insertVerification(String domain, UUID workspaceId, String method, Instant at);

        @Query("SELECT workspace_id FROM verified_domains WHERE domain = :domain")
        Optional<UUID> verifiedOwner(String domain);

        @Query("SELECT domain FROM verified_domains WHERE domain IN (:domains) AND workspace_id <> :workspaceId ORDER BY domain")
        List<String> verifiedElsewhere(UUID workspaceId, Collection<String> domains);
    }
}
