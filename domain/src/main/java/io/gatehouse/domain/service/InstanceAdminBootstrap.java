package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.util.Optional;

/**
 * Makes sure the instance administrator named in configuration exists. An existing account with
 * that email is promoted and re-activated, but its password is left alone: configuration must not
 * silently overwrite a password the administrator has since changed.
 */
public final class InstanceAdminBootstrap {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;

    public InstanceAdminBootstrap(Users users, PasswordHasher hasher, PasswordPolicy passwordPolicy, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    public User ensure(String rawEmail, String password) {
        Email email = Email.parse(rawEmail)
                .orElseThrow(() -> new IllegalArgumentException("bootstrap admin email is not a valid address"));
        Optional<User> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            User user = existing.get();
            users.updateInstanceAdmin(user.id(), true);
            users.updateStatus(user.id(), UserStatus.ACTIVE);
            return user;
        }
        passwordPolicy.weakness(password, email).ifPresent(weakness -> {
            throw new IllegalArgumentException("bootstrap admin password is too weak: " + weakness);
        });
        User admin = User.newMember(email, "Instance administrator", hasher.hash(password), clock.instant());
        User promoted = new User(admin.id(), admin.email(), admin.fullName(), admin.status(), admin.passwordHash(),
                true, admin.createdAt(), null, true);
        if (!users.insertIfEmailFree(promoted)) {
            // Another node created it between our lookup and insert: promote that one.
            return ensure(rawEmail, password);
        }
        return promoted;
    }
}
