package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who can sign in. {@code passwordHash} is absent for password-less accounts (for
 * example one provisioned just in time by SAML); {@code fullName} and {@code lastLoginAt} may be
 * absent too. {@code emailVerified} says whether the owner of the mailbox proved it (a link sent to
 * it, or an IdP of a verified domain vouching for it): until then the account may be a squatter's.
 */
public record User(
        UserId id,
        Email email,
        String fullName,
        UserStatus status,
        PasswordHash passwordHash,
        boolean instanceAdmin,
        Instant createdAt,
        Instant lastLoginAt,
        boolean emailVerified) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static User newMember(Email email, String fullName, PasswordHash passwordHash, Instant now) {
        return new User(UserId.random(), email, fullName, UserStatus.ACTIVE, passwordHash, false, now, null, false);
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
        return new User(id, email, fullName, status, hash, instanceAdmin, createdAt, lastLoginAt, emailVerified);
    }

    public User withStatus(UserStatus newStatus) {
        return new User(id, email, fullName, newStatus, passwordHash, instanceAdmin, createdAt, lastLoginAt, emailVerified);
    }

    public User withFullName(String name) {
        return new User(id, email, name, status, passwordHash, instanceAdmin, createdAt, lastLoginAt, emailVerified);
    }

    public User withEmailVerified(boolean verified) {
        return new User(id, email, fullName, status, passwordHash, instanceAdmin, createdAt, lastLoginAt, verified);
    }

    public User withLastLoginAt(Instant at) {
        return new User(id, email, fullName, status, passwordHash, instanceAdmin, createdAt, at, emailVerified);
    }
}
