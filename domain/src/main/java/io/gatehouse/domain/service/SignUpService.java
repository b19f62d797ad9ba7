package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SignUpUseCase;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class SignUpService implements SignUpUseCase {

    private final Users users;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog audit;
    private final EmailOwnershipService emailOwnership;
    private final Transactions transactions;
    private final Clock clock;

    public SignUpService(Users users, Workspaces workspaces, Memberships memberships, PasswordHasher hasher,
                         PasswordPolicy passwordPolicy, AuditLog audit, EmailOwnershipService emailOwnership, Transactions transactions,
                         Clock clock) {
        this.emailOwnership = emailOwnership;
        this.users = users;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SignUpOutcome signUp(SignUpCommand command) {
        Optional<Email> email = Email.parse(command.email());
        if (email.isEmpty()) {
            return new SignUpRejected(ErrorCode.INVALID_EMAIL, "email", "not a valid email address");
        }
        Optional<String> weakness = passwordPolicy.weakness(command.password(), email.get());
        if (weakness.isPresent()) {
            return new SignUpRejected(ErrorCode.WEAK_PASSWORD, "password", weakness.get());
        }
        // Hash before the transaction: it is the slow part and needs no lock.
        PasswordHash hash = hasher.hash(command.password());
        Instant now = clock.instant();
        User user = User.newMember(email.get(), blankToNull(command.fullName()), hash, now);
        Optional<Workspace> workspace = Optional.ofNullable(blankToNull(command.workspaceName()))
                .map(name -> new Workspace(WorkspaceId.random(), name, now));
        return transactions.inTransaction(() -> {
            if (!users.insertIfEmailFree(user)) {
                return new SignUpRejected(ErrorCode.EMAIL_TAKEN, "email", "an account with this email already exists");
            }
            // The verification message commits with the account, or neither does.
            emailOwnership.sendVerification(user);
            workspace.ifPresent(created -> {
                workspaces.insert(created);
                memberships.insert(new Membership(created.id(), user.id(), Role.OWNER, now));
                audit.record(new AuditEvent(created.id(), user.id(), "workspace.created", created.id().toString(),
                        "name=" + created.name() + " (at sign-up)", now));
            });
            return new SignedUp(user, workspace);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
