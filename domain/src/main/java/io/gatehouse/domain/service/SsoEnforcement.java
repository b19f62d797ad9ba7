package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.SsoConfigurations;

/**
 * The {@code enforce_sso} rule: a user whose email domain belongs to a workspace that enforces SSO
 * must log in through that workspace's IdP. The workspace's owners keep their password as a
 * break-glass, so that a broken IdP configuration cannot lock everyone out of fixing it.
 */
public final class SsoEnforcement {

    private final SsoConfigurations configurations;
    private final Memberships memberships;

    public SsoEnforcement(SsoConfigurations configurations, Memberships memberships) {
        this.configurations = configurations;
        this.memberships = memberships;
    }

    public boolean forbidsPassword(User user) {
        return configurations.findByVerifiedDomain(user.email().domain())
                .filter(SsoConfiguration::enabled)
                .filter(SsoConfiguration::enforceSso)
                .map(configuration -> memberships.roleOf(configuration.workspaceId(), user.id())
                        .filter(Role.OWNER::equals).isEmpty())
                .orElse(false);
    }
}
