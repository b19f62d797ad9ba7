package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.UserStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

public final class InMemoryUsers implements io.gatehouse.domain.port.out.Users, Snapshotting {

    private final Map<UserId, User> byId = new LinkedHashMap<>();

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((Map<UserId, User>) snapshot);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return byId.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public synchronized boolean insertIfEmailFree(User user) {
        if (findByEmail(user.email()).isPresent()) {
            return false;
        }
        byId.put(user.id(), user);
        return true;
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        update(id, user -> user.withPasswordHash(hash));
    }

    @Override
    public void updateStatus(UserId id, UserStatus status) {
        update(id, user -> user.withStatus(status));
    }

    @Override
    public void lockForUpdate(UserId id) {
        // Single-threaded tests: nothing to lock against.
    }

    @Override
    public void updateFullName(UserId id, String fullName) {
        update(id, user -> user.withFullName(fullName));
    }

    @Override
    public void updateLastLoginAt(UserId id, Instant at) {
        update(id, user -> user.withLastLoginAt(at));
    }

    @Override
    public void updateInstanceAdmin(UserId id, boolean instanceAdmin) {
        update(id, user -> new User(user.id(), user.email(), user.fullName(), user.status(), user.passwordHash(),
                instanceAdmin, user.createdAt(), user.lastLoginAt(), user.emailVerified()));
    }

    @Override
    public void markEmailVerified(UserId id) {
        update(id, user -> user.withEmailVerified(true));
    }

    @Override
    public void removePassword(UserId id) {
        update(id, user -> user.withPasswordHash(null));
    }

    private void update(UserId id, UnaryOperator<User> change) {
        byId.computeIfPresent(id, (key, user) -> change.apply(user));
    }
}
