package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AccountMailPolicy;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.EmailToken;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase;
import io.gatehouse.domain.port.out.BackgroundTasks;
import io.gatehouse.domain.port.out.EmailTokens;
import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Email verification and password reset, both by single-use links (256-bit tokens, stored as SHA-256,
 * short-lived) written to the outbox in the same transaction as the token.
 *
 * <p>Password reset follows the OWASP Forgot Password Cheat Sheet: the same answer whether or not the
 * address has an account, and the same timing (the lookup and the mail happen after the answer, in the
 * background); throttled per address and per client; the new password meets the policy before the
 * token is spent; a reset ends every session and refresh token, and proves the mailbox.
 */
public final class EmailOwnershipService implements EmailOwnershipUseCase {

    static final String VERIFICATION_MAIL = "verification_mail";
    static final String RESET_BY_EMAIL = "reset_email";
    static final String RESET_BY_IP = "reset_ip";

    private final Users users;
    private final EmailTokens tokens;
    private final MailOutbox outbox;
    private final AccountMessages messages;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AttemptLimiter limiter;
    private final BackgroundTasks background;
    private final Transactions transactions;
    private final AccountMailPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    public EmailOwnershipService(Users users, EmailTokens tokens, MailOutbox outbox, AccountMessages messages, Sessions sessions,
                                 PasswordHasher hasher, PasswordPolicy passwordPolicy, AttemptLimiter limiter, BackgroundTasks background,
                                 Transactions transactions, AccountMailPolicy policy, SecureRandom random, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.messages = messages;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.limiter = limiter;
        this.background = background;
        this.transactions = transactions;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    /** Issues a verification link for the user and queues its message; call it inside the transaction that created the user. */
    public void sendVerification(User user) {
        SecretToken token = issue(user.id(), EmailToken.Purpose.EMAIL_VERIFICATION, policy.verificationLifetime());
        outbox.enqueue(messages.emailVerification(user.email(), token.value(), policy.verificationLifetime()), clock.instant());
    }

    @Override
    public EmailOutcome verifyEmail(String token) {
        Optional<SecretToken.TokenHash> hash = hashOf(token);
        if (hash.isEmpty()) {
            return invalidToken();
        }
        return transactions.inTransaction(() -> {
            Optional<EmailToken> taken = tokens.take(hash.get(), EmailToken.Purpose.EMAIL_VERIFICATION)
                    .filter(t -> !t.isExpiredAt(clock.instant()));
            Optional<User> user = taken.flatMap(t -> users.findById(t.userId())).filter(User::isActive);
            if (user.isEmpty()) {
                return invalidToken();
            }
            users.markEmailVerified(user.get().id());
            return new EmailVerified(user.get().withEmailVerified(true));
        });
    }

    @Override
    public EmailOutcome resendVerification(UserId userId) {
        Optional<User> user = users.findById(userId).filter(User::isActive);
        if (user.isEmpty()) {
            return new EmailRefused(ErrorCode.UNAUTHENTICATED, null, "the account no longer exists");
        }
        if (user.get().emailVerified()) {
            return new EmailRefused(ErrorCode.ALREADY_VERIFIED, null, "this email address is already verified");
        }
        Optional<Duration> wait = limiter.admit(VERIFICATION_MAIL, userId.toString(), policy.maxVerificationMails(), policy.window());
        if (wait.isPresent()) {
            return new EmailThrottled(wait.get());
        }
        transactions.inTransaction(() -> sendVerification(user.get()));
        return new MailAccepted();
    }

    @Override
    public EmailOutcome requestPasswordReset(String rawEmail, ClientInfo client) {
        Optional<Email> email = Email.parse(rawEmail);
        if (email.isEmpty()) {
            return new EmailRefused(ErrorCode.INVALID_EMAIL, "email", "not a valid email address");
        }
        // Counted for every address alike, so the limit says nothing about which ones have accounts.
        Optional<Duration> wait = limiter.admit(RESET_BY_IP, client.ip(), policy.maxResetsPerIp(), policy.window())
                .or(() -> limiter.admit(RESET_BY_EMAIL, SecretToken.TokenHash.sha256("reset:" + email.get().value()).hex(),
                        policy.maxResetsPerEmail(), policy.window()));
        if (wait.isPresent()) {
            return new EmailThrottled(wait.get());
        }
        background.run(() -> mailResetLink(email.get()));
        return new MailAccepted();
    }

    /** Unknown and suspended addresses get nothing: no message, no token. */
    void mailResetLink(Email email) {
        transactions.inTransaction(() -> users.findByEmail(email).filter(User::isActive).ifPresent(user -> {
            tokens.deleteAll(user.id(), EmailToken.Purpose.PASSWORD_RESET);
            SecretToken token = issue(user.id(), EmailToken.Purpose.PASSWORD_RESET, policy.resetLifetime());
            outbox.enqueue(messages.passwordReset(user.email(), token.value(), policy.resetLifetime()), clock.instant());
        }));
    }

    @Override
    public EmailOutcome resetPassword(String token, String newPassword) {
        Optional<SecretToken.TokenHash> hash = hashOf(token);
        Optional<User> user = hash.flatMap(h -> tokens.find(h, EmailToken.Purpose.PASSWORD_RESET))
                .filter(t -> !t.isExpiredAt(clock.instant()))
                .flatMap(t -> users.findById(t.userId())).filter(User::isActive);
        if (user.isEmpty()) {
            return invalidToken();
        }
        // Checked before the token is spent, so a weak choice can be corrected with the same link.
        Optional<String> weakness = passwordPolicy.weakness(newPassword, user.get().email());
        if (weakness.isPresent()) {
            return new EmailRefused(ErrorCode.WEAK_PASSWORD, "new_password", weakness.get());
        }
        PasswordHash newHash = hasher.hash(newPassword);
        return transactions.inTransaction(() -> {
            if (tokens.take(hash.get(), EmailToken.Purpose.PASSWORD_RESET).isEmpty()) {
                return invalidToken();
            }
            UserId id = user.get().id();
            users.updatePasswordHash(id, newHash);
            // OWASP Forgot Password: whoever had the old password (or a session) is out.
            sessions.revokeAll(id, clock.instant());
            // Only the mailbox's owner could follow the link.
            users.markEmailVerified(id);
            tokens.deleteAll(id, EmailToken.Purpose.PASSWORD_RESET);
            return new PasswordWasReset();
        });
    }

    /** Forgets the request counters that left their window. */
    public int purgeCounters() {
        return limiter.purge(VERIFICATION_MAIL, policy.window()) + limiter.purge(RESET_BY_EMAIL, policy.window())
                + limiter.purge(RESET_BY_IP, policy.window());
    }

    private SecretToken issue(UserId user, EmailToken.Purpose purpose, Duration lifetime) {
        tokens.deleteAll(user, purpose);
        SecretToken token = SecretToken.generate(random);
        Instant now = clock.instant();
        tokens.insert(new EmailToken(token.hash(), user, purpose, now, now.plus(lifetime)));
        return token;
    }

    private static Optional<SecretToken.TokenHash> hashOf(String token) {
        return token == null || token.isBlank() || token.length() > SecretToken.MAX_PRESENTED_LENGTH
                ? Optional.empty() : Optional.of(new SecretToken(token.strip()).hash());
    }

    /** Unknown, used, replaced and expired tokens get one answer. */
    private static EmailRefused invalidToken() {
        return new EmailRefused(ErrorCode.INVALID_TOKEN, "token", "this link is invalid, was already used, or has expired");
    }
}
