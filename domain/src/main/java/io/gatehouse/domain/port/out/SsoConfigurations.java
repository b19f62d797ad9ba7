package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.Optional;

/** Workspaces' SSO configurations and the email domains each one claims. */
public interface SsoConfigurations {

    Optional<SsoConfiguration> find(WorkspaceId workspaceId);

    /**
     * The configuration of the workspace that verified this (normalised, lower-case) email domain, if
     * that configuration lists the domain among its {@code email_domains}. Unverified claims never match.
     */
    Optional<SsoConfiguration> findByVerifiedDomain(String domain);

    /** Creates or replaces the configuration. */
    void upsert(SsoConfiguration configuration);

    boolean delete(WorkspaceId workspaceId);
}
