package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.UserStatus;
import java.time.Instant;
import java.util.Optional;

/** Every user account. */
public interface Users {

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(Email email);

    /**
     * Stores a new user unless its email is taken. The database's unique constraint decides, so
     * two concurrent sign-ups with one email cannot both succeed.
     *
     * @return false when the email already belongs to someone
     */
    boolean insertIfEmailFree(User user);

    void updatePasswordHash(UserId id, PasswordHash hash);

    void updateStatus(UserId id, UserStatus status);

    /** Locks the user's row until the surrounding transaction ends (checks on a user's own links or credentials). */
    void lockForUpdate(UserId id);

    /** The display name, as an IdP last asserted it (null clears it). */
    void updateFullName(UserId id, String fullName);

    void updateLastLoginAt(UserId id, Instant at);

    void updateInstanceAdmin(UserId id, boolean instanceAdmin);

    /** The owner of the mailbox proved it (a link sent there, or an IdP of a verified domain vouching). */
    void markEmailVerified(UserId id);

    /** The account no longer has a password (taken over from a squatter by the mailbox's real owner). */
    void removePassword(UserId id);
}
