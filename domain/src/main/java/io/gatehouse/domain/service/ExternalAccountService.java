package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.OpenIdProviders;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Lists and removes a user's external identity links; never removes the last way to log in. */
public final class ExternalAccountService implements ExternalAccountsUseCase {

    private final ExternalIdentities identities;
    private final Users users;
    private final Transactions transactions;
    private final Memberships memberships;
    private final SsoConfigurations configurations;
    private final OpenIdProviders providers;

    public ExternalAccountService(ExternalIdentities identities, Users users, Transactions transactions, Memberships memberships,
                                  SsoConfigurations configurations, OpenIdProviders providers) {
        this.providers = providers;
        this.identities = identities;
        this.users = users;
        this.transactions = transactions;
        this.memberships = memberships;
        this.configurations = configurations;
    }

    @Override
    public List<LinkableProvider> linkable(UserId user) {
        Set<String> linked = identities.ofUser(user).stream().map(ExternalIdentity::providerName).collect(Collectors.toSet());
        Stream<LinkableProvider> instance = providers.list().stream()
                .map(provider -> new LinkableProvider(provider.name(), provider.displayName()));
        Stream<LinkableProvider> workspaces = memberships.workspacesOf(user).stream()
                .flatMap(membership -> configurations.find(membership.workspace().id()).filter(SsoConfiguration::enabled).stream()
                        .map(configuration -> new LinkableProvider(configuration.providerName(), membership.workspace().name())));
        return Stream.concat(instance, workspaces).filter(provider -> !linked.contains(provider.providerName())).toList();
    }

    @Override
    public List<ExternalIdentity> list(UserId user) {
        return identities.ofUser(user);
    }

    @Override
    public UnlinkOutcome unlink(UserId userId, String providerName) {
        return transactions.inTransaction(() -> {
            // Two unlinks at once must not both see "another way in remains" and leave none.
            users.lockForUpdate(userId);
            List<ExternalIdentity> links = identities.ofUser(userId);
            if (links.stream().noneMatch(link -> link.providerName().equals(providerName))) {
                return new SsoRefused(ErrorCode.NOT_LINKED, "this account is not linked to '" + providerName + "'");
            }
            boolean hasPassword = users.findById(userId).map(User::hasPassword).orElse(false);
            if (!hasPassword && links.size() == 1) {
                return new SsoRefused(ErrorCode.LAST_LOGIN_METHOD,
                        "this is the account's only way to log in: set a password or link another provider first");
            }
            identities.delete(userId, providerName);
            return new Unlinked();
        });
    }
}
