package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.port.in.AdministerUsersUseCase;
import io.gatehouse.domain.port.out.ApiTokens;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.util.Optional;

public final class UserAdministrationService implements AdministerUsersUseCase {

    private final Users users;
    private final Sessions sessions;
    private final ApiTokens apiTokens;
    private final DeveloperApiKeys developerApiKeys;
    private final Transactions transactions;
    private final Clock clock;

    public UserAdministrationService(Users users, Sessions sessions, ApiTokens apiTokens, DeveloperApiKeys developerApiKeys,
                                     Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.developerApiKeys = developerApiKeys;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AdminOutcome changeStatus(UserId actor, UserId target, UserStatus status) {
        boolean actorIsAdmin = users.findById(actor).map(User::isActiveInstanceAdmin).orElse(false);
        if (!actorIsAdmin) {
            return new AdminRejected(ErrorCode.FORBIDDEN);
        }
        Optional<User> user = users.findById(target);
        if (user.isEmpty()) {
            return new AdminRejected(ErrorCode.USER_NOT_FOUND);
        }
        transactions.inTransaction(() -> {
            users.updateStatus(target, status);
            if (status == UserStatus.SUSPENDED) {
                // Revoke every credential at once: sessions (and with them JWT families and refresh
                // tokens), API tokens, and the developer API key.
                sessions.revokeAll(target, clock.instant());
                apiTokens.disableAll(target, clock.instant());
                developerApiKeys.deleteForUser(target);
            }
        });
        return new StatusChanged(user.get().withStatus(status));
    }
}
