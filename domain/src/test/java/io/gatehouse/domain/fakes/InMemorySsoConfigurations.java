package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.DomainClaims;
import io.gatehouse.domain.port.out.SsoConfigurations;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Keeps configurations in memory; a domain finds the configuration of the workspace that verified it. */
public final class InMemorySsoConfigurations implements SsoConfigurations {

    private final Map<WorkspaceId, SsoConfiguration> stored = new ConcurrentHashMap<>();
    private final DomainClaims domains;

    public InMemorySsoConfigurations(DomainClaims domains) {
        this.domains = domains;
    }

    public boolean isEmpty() {
        return stored.isEmpty();
    }

    @Override
    public Optional<SsoConfiguration> find(WorkspaceId workspaceId) {
        return Optional.ofNullable(stored.get(workspaceId)).map(c -> c.withVerifiedDomains(domains.ofWorkspace(workspaceId).stream()
                .filter(DomainClaim::isVerified).map(DomainClaim::domain).collect(Collectors.toSet())));
    }

    @Override
    public Optional<SsoConfiguration> findByVerifiedDomain(String domain) {
        return domains.verifiedOwner(domain).flatMap(this::find).filter(c -> c.vouchesFor(domain));
    }

    @Override
    public void upsert(SsoConfiguration configuration) {
        stored.put(configuration.workspaceId(), configuration);
    }

    @Override
    public boolean delete(WorkspaceId workspaceId) {
        return stored.remove(workspaceId) != null;
    }
}
