package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.util.List;

/** Lists and removes a user's external identity links; never removes the last way to log in. */
public final class ExternalAccountService implements ExternalAccountsUseCase {

    private final ExternalIdentities identities;
    private final Users users;
    private final Transactions transactions;

    public ExternalAccountService(ExternalIdentities identities, Users users, Transactions transactions) {
        this.identities = identities;
        this.users = users;
        this.transactions = transactions;
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
