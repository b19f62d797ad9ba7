package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Workspaces' SSO configurations and the email domains each one claims. */
public interface SsoConfigurations {

    Optional<SsoConfiguration> find(WorkspaceId workspaceId);

    /** The configuration of the workspace that claims this (normalised, lower-case) email domain. */
    Optional<SsoConfiguration> findByDomain(String domain);

    /** Creates or replaces the configuration, and makes {@code emailDomains} exactly the workspace's domains. */
    void upsert(SsoConfiguration configuration);

    boolean delete(WorkspaceId workspaceId);

    /**
     * Thrown inside the transaction when a domain is claimed by another workspace, so that the whole
     * change rolls back. The database's unique key decides, so two workspaces racing for one domain
     * cannot both get it.
     */
    final class DomainClaimedElsewhere extends RuntimeException {
        private final String domain;

        public DomainClaimedElsewhere(String domain) {
            super("email domain already claimed: " + domain, null, false, false);
            this.domain = domain;
        }

        public String domain() {
            return domain;
        }
    }

    /** The domains currently claimed by other workspaces among {@code domains}. */
    List<String> claimedElsewhere(WorkspaceId workspaceId, List<String> domains);
}
