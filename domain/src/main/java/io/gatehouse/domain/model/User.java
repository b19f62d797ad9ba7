package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who can sign in. {@code passwordHash} is absent for password-less accounts (for
 * example one provisioned just in time by SAML); {@code fullName} and {@code lastLoginAt} may be
 * absent too.
 */
public record User(
        UserId id,
        Email email,
        String fullName,
        UserStatus status,
        PasswordHash passwordHash,
        boolean instanceAdmin,
        Instant createdAt,
        Instant lastLoginAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static User newMember(Email email, String fullName, PasswordHash passwordHash, Instant now) {
        return new User(UserId.random(), email, fullName, UserStatus.ACTIVE, passwordHash, false, now, null);
    }

    public Optional<PasswordHash> password() {
        return Optional.ofNullable(passwordHash);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    /** May administer the whole instance: an instance administrator whose account is active. */
    public boolean isActiveInstanceAdmin() {
        return instanceAdmin && isActive();
    }

    public User withPasswordHash(PasswordHash hash) {
        return new User(id, email, fullName, status, hash, instanceAdmin, createdAt, lastLoginAt);
    }

    public User withStatus(UserStatus newStatus) {
        return new User(id, email, fullName, newStatus, passwordHash, instanceAdmin, createdAt, lastLoginAt);
    }

    public User withFullName(String name) {
        return new User(id, email, name, status, passwordHash, instanceAdmin, createdAt, lastLoginAt);
    }

    public User withLastLoginAt(Instant at) {
        return new User(id, email, fullName, status, passwordHash, instanceAdmin, createdAt, at);
    }
}
