package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Profiles;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.util.Optional;

public final class AccountService implements AccountUseCase {

    private final Users users;
    private final Profiles profiles;
    private final Sessions sessions;
    private final PasswordAuthenticator authenticator;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Transactions transactions;
    private final Clock clock;

    public AccountService(Users users, Profiles profiles, Sessions sessions, PasswordAuthenticator authenticator,
                          PasswordHasher hasher, PasswordPolicy passwordPolicy, Transactions transactions, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Profile> profile(UserId userId) {
        return profiles.findWithWorkspaces(userId).map(found -> new Profile(found.user(), found.workspaces()));
    }

    @Override
    public PasswordChangeOutcome changePassword(ChangePasswordCommand command) {
        Optional<User> user = users.findById(command.userId());
        if (user.isEmpty()) {
            return new PasswordChangeRejected(ErrorCode.UNAUTHENTICATED, null, "the account no longer exists");
        }
        switch (authenticator.verify(user.get().email().value(), command.currentPassword(), command.client())) {
            case AuthenticationFailure.Throttled throttled -> {
                return new PasswordChangeThrottled(throttled.retryAfter());
            }
            case AuthenticationFailure failure -> {
                return new PasswordChangeRejected(failure.code(), "current_password", "the current password is wrong");
            }
            case CredentialsValid valid -> {
                // the current password is right: go on
            }
        }
        Optional<String> weakness = passwordPolicy.weakness(command.newPassword(), user.get().email());
        if (weakness.isPresent()) {
            return new PasswordChangeRejected(ErrorCode.WEAK_PASSWORD, "new_password", weakness.get());
        }
        var hash = hasher.hash(command.newPassword());
        transactions.inTransaction(() -> {
            users.updatePasswordHash(command.userId(), hash);
            // OWASP Session Management: a credential change ends every other session of the account.
            if (command.keepSession() == null) {
                sessions.revokeAll(command.userId(), clock.instant());
            } else {
                sessions.revokeAllExcept(command.userId(), command.keepSession(), clock.instant());
            }
        });
        return new PasswordChanged();
    }
}
