package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SsoConfigurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps configurations in memory and holds each domain for one workspace, like the sso_domains key. */
public final class InMemorySsoConfigurations implements SsoConfigurations {

    private final Map<WorkspaceId, SsoConfiguration> stored = new ConcurrentHashMap<>();
    private final Map<String, WorkspaceId> domainOwners = new ConcurrentHashMap<>();
    private volatile boolean raceOnNextUpsert;

    /** Makes the next upsert fail as if another workspace claimed its first domain concurrently. */
    public void raceOnNextUpsert() {
        raceOnNextUpsert = true;
    }

    public boolean isEmpty() {
        return stored.isEmpty();
    }

    @Override
    public Optional<SsoConfiguration> find(WorkspaceId workspaceId) {
        return Optional.ofNullable(stored.get(workspaceId));
    }

    @Override
    public Optional<SsoConfiguration> findByDomain(String domain) {
        return Optional.ofNullable(domainOwners.get(domain)).map(stored::get);
    }

    @Override
    public void upsert(SsoConfiguration configuration) {
        if (raceOnNextUpsert) {
            raceOnNextUpsert = false;
            throw new DomainClaimedElsewhere(configuration.emailDomains().get(0));
        }
        domainOwners.values().removeIf(configuration.workspaceId()::equals);
        configuration.emailDomains().forEach(domain -> domainOwners.put(domain, configuration.workspaceId()));
        stored.put(configuration.workspaceId(), configuration);
    }

    @Override
    public boolean delete(WorkspaceId workspaceId) {
        domainOwners.values().removeIf(workspaceId::equals);
        return stored.remove(workspaceId) != null;
    }

    @Override
    public List<String> claimedElsewhere(WorkspaceId workspaceId, List<String> domains) {
        List<String> taken = new ArrayList<>();
        for (String domain : domains) {
            WorkspaceId holder = domainOwners.get(domain);
            if (holder != null && !holder.equals(workspaceId)) {
                taken.add(domain);
            }
        }
        return taken;
    }
}
