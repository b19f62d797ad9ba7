package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Users;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks an email and password, throttled. Shared by every password entry point (browser login,
 * token grant, HTTP Basic).
 *
 * <p>An unknown email, an account without a password and a wrong password give the same answer
 * after the same work: a dummy hash is verified when there is no real one, so response time does
 * not reveal which emails have accounts (OWASP Authentication Cheat Sheet, "Authentication and
 * Error Messages"). Suspension is only reported after the right password, for the same reason.
 */
public final class PasswordAuthenticator implements CheckCredentialsUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final SsoEnforcement ssoEnforcement;
    private volatile PasswordHash dummyHash;

    public PasswordAuthenticator(Users users, PasswordHasher hasher, PasswordPolicy passwordPolicy, LoginThrottle throttle,
                                 SsoEnforcement ssoEnforcement) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.ssoEnforcement = ssoEnforcement;
    }

    /**
     * A password login: the credentials, then the workspace rule that users of an {@code enforce_sso}
     * domain sign in through their IdP. The rule is applied only after the right password, so that it
     * reveals nothing to someone who does not know it.
     */
    @Override
    public CredentialsOutcome check(String rawEmail, String password, ClientInfo client) {
        CredentialsOutcome outcome = verify(rawEmail, password, client);
        if (outcome instanceof CredentialsValid valid && ssoEnforcement.forbidsPassword(valid.user())) {
            return new AuthenticationFailure.SsoRequired();
        }
        return outcome;
    }

    /** Proves knowledge of the password without logging in (password change, SSO link confirmation). */
    public CredentialsOutcome verify(String rawEmail, String password, ClientInfo client) {
        String accountKey = LoginThrottle.accountKey(rawEmail);
        Optional<Duration> wait = throttle.retryAfter(accountKey, client.ip());
        if (wait.isPresent()) {
            return new AuthenticationFailure.Throttled(wait.get());
        }
        Optional<User> user = Email.parse(rawEmail).flatMap(users::findByEmail);
        Optional<PasswordHash> stored = user.flatMap(User::password);
        boolean presentable = passwordPolicy.isPresentable(password);
        boolean matches;
        if (stored.isPresent() && presentable) {
            matches = hasher.matches(password, stored.get());
        } else {
            hasher.matches(presentable ? password : "", dummyHash());
            matches = false;
        }
        if (!matches) {
            throttle.recordFailure(accountKey, client.ip());
            return new AuthenticationFailure.InvalidCredentials();
        }
        User found = user.get();
        if (!found.isActive()) {
            return new AuthenticationFailure.Suspended();
        }
        throttle.recordSuccess(accountKey, client.ip());
        if (hasher.needsRehash(stored.get())) {
            // Parameters were raised since this hash was made: upgrade it while we hold the password.
            PasswordHash upgraded = hasher.hash(password);
            users.updatePasswordHash(found.id(), upgraded);
            found = found.withPasswordHash(upgraded);
        }
        return new CredentialsValid(found);
    }

    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            // Made on first use rather than at start-up, which stays fast; made with the current
            // parameters so that it costs what a real verification costs.
            hash = hasher.hash("gatehouse-dummy-password-for-timing-equalisation");
            dummyHash = hash;
        }
        return hash;
    }
}
