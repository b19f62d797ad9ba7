package io.gatehouse.persistence;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.out.Profiles;
import io.gatehouse.domain.port.out.Users;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class UserPersistenceAdapter implements Users, Profiles {

    private final UserRepository repository;
    private final IdentityCache cache;
    private final IdentityChanges changes;

    UserPersistenceAdapter(UserRepository repository, IdentityCache cache, IdentityChanges changes) {
        this.repository = repository;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return repository.findById(id.value()).map(UserPersistenceAdapter::toUser);
    }

    @Override
    public Optional<UserWithWorkspaces> findWithWorkspaces(UserId id) {
        // From IdentityCache: every change below, and every membership change, invalidates it on every node.
        return cache.get(new IdentityCache.ProfileKey(id.value()), () -> readWithWorkspaces(id), found -> id.value());
    }

    private Optional<UserWithWorkspaces> readWithWorkspaces(UserId id) {
        List<UserRepository.UserWithWorkspaceRow> rows = repository.findWithWorkspaces(id.value());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<WorkspaceRole> workspaces = rows.stream().filter(row -> row.workspaceId() != null)
                .map(row -> WorkspacePersistenceAdapter.toWorkspaceRole(row.workspaceId(), row.workspaceName(),
                        row.workspaceCreatedAt(), row.role()))
                .toList();
        return Optional.of(new UserWithWorkspaces(toUser(rows.get(0).user()), workspaces));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return repository.findByEmail(email.value()).map(UserPersistenceAdapter::toUser);
    }

    @Override
    public boolean insertIfEmailFree(User user) {
        return repository.insertIfAbsent(user.id().value(), user.email().value(), user.fullName(),
                user.status().wireName(), user.password().map(PasswordHash::encoded).orElse(null),
                user.instanceAdmin(), user.createdAt(), user.lastLoginAt(), user.emailVerified()) == 1;
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        repository.updatePasswordHash(id.value(), hash.encoded());
        changes.userChanged(id.value());
    }

    @Override
    public void updateStatus(UserId id, UserStatus status) {
        repository.updateStatus(id.value(), status.wireName());
        changes.userChanged(id.value());
    }

    @Override
    public void lockForUpdate(UserId id) {
        repository.lockForUpdate(id.value());
    }

    @Override
    public void updateFullName(UserId id, String fullName) {
        repository.updateFullName(id.value(), fullName);
        changes.userChanged(id.value());
    }

    @Override
    public void updateLastLoginAt(UserId id, Instant at) {
        repository.updateLastLoginAt(id.value(), at);
        changes.userChanged(id.value());
    }

    @Override
    public void updateInstanceAdmin(UserId id, boolean instanceAdmin) {
        repository.updateInstanceAdmin(id.value(), instanceAdmin);
        changes.userChanged(id.value());
    }

    @Override
    public void markEmailVerified(UserId id) {
        repository.markEmailVerified(id.value());
        changes.userChanged(id.value());
    }

    @Override
    public void removePassword(UserId id) {
        repository.removePassword(id.value());
        changes.userChanged(id.value());
    }

    static User toUser(UserRow row) {
        return new User(new UserId(row.id()), new Email(row.email()), row.fullName(),
                WireNamed.parse(UserStatus.class, row.status()).orElseThrow(),
                row.passwordHash() == null ? null : new PasswordHash(row.passwordHash()),
                row.instanceAdmin(), row.createdAt(), row.lastLoginAt(), row.emailVerified());
    }
}
