package io.gatehouse.domain.service;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.ThrottlePolicy;
import io.gatehouse.domain.port.out.LoginFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Sliding-window limits on failed logins, per account identifier and per client IP. Counters live
 * in the database ({@link LoginFailures}), so attempts spread over several nodes add up.
 *
 * <p>A success forgets only the failures that this client made on this account: it must not give
 * an attacker on another IP a fresh budget against the same account, nor let an attacker reset
 * its own IP budget by logging in to an account of its own.
 */
public final class LoginThrottle {

    private final LoginFailures failures;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public LoginThrottle(LoginFailures failures, ThrottlePolicy policy, Clock clock) {
        this.failures = failures;
        this.policy = policy;
        this.clock = clock;
    }

    /** The identifier as it is counted: a digest of its trimmed, lower-cased form. */
    public static String accountKey(String identifier) {
        String folded = identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
        return TokenHash.sha256("login:" + folded).hex();
    }

    /** How long this client must wait before trying this account again, or empty when it may try now. */
    public Optional<Duration> retryAfter(String accountKey, String clientIp) {
        Instant now = clock.instant();
        Instant since = now.minus(policy.window());
        Optional<Duration> account = SlidingWindow.waitFor(failures.newestForAccount(accountKey, since, policy.maxFailuresPerEmail()),
                policy.maxFailuresPerEmail(), policy.window(), now);
        Optional<Duration> client = SlidingWindow.waitFor(failures.newestForClient(clientIp, since, policy.maxFailuresPerIp()),
                policy.maxFailuresPerIp(), policy.window(), now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) >= 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    public void recordFailure(String accountKey, String clientIp) {
        failures.record(accountKey, clientIp, clock.instant());
    }

    public void recordSuccess(String accountKey, String clientIp) {
        failures.clear(accountKey, clientIp);
    }
}
