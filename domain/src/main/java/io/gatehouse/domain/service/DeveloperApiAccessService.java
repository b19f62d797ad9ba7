package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.DeveloperApiKey;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.TokenUseCase.TokenOutcome;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.gatehouse.domain.port.out.Users;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

public final class DeveloperApiAccessService implements DeveloperApiAccessUseCase {

    private final DeveloperApiKeys keys;
    private final Users users;
    private final LoginThrottle throttle;
    private final SessionIssuer sessionIssuer;
    private final TokenService tokens;
    private final SecureRandom random;
    private final Clock clock;

    public DeveloperApiAccessService(DeveloperApiKeys keys, Users users, LoginThrottle throttle, SessionIssuer sessionIssuer,
                                     TokenService tokens, SecureRandom random, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.throttle = throttle;
        this.sessionIssuer = sessionIssuer;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public GeneratedApiAccess generate(UserId userId) {
        SecretToken apiKey = SecretToken.generate(random, DeveloperApiKey.KEY_PREFIX);
        SecretToken secret = SecretToken.generate(random, DeveloperApiKey.SECRET_PREFIX);
        keys.replace(new DeveloperApiKey(userId, apiKey.value(), secret.hash(), clock.instant()));
        return new GeneratedApiAccess(apiKey.value(), secret.value());
    }

    @Override
    public Optional<String> currentApiKey(UserId userId) {
        return keys.findByUser(userId).map(DeveloperApiKey::apiKey);
    }

    @Override
    public TokenOutcome signIn(String apiKey, String apiSecret, ClientInfo client) {
        String accountKey = LoginThrottle.accountKey("api-key:" + apiKey);
        Optional<Duration> wait = throttle.retryAfter(accountKey, client.ip());
        if (wait.isPresent()) {
            return new TokenRefused(new AuthenticationFailure.Throttled(wait.get()));
        }
        boolean wellFormed = apiKey != null && apiSecret != null && apiKey.length() <= SecretToken.MAX_PRESENTED_LENGTH
                && !apiSecret.isEmpty() && apiSecret.length() <= SecretToken.MAX_PRESENTED_LENGTH;
        Optional<DeveloperApiKey> stored = wellFormed ? keys.findByApiKey(apiKey) : Optional.empty();
        // The presented secret is hashed and compared in constant time whether or not the key exists.
        byte[] presented = SecretToken.TokenHash.sha256(wellFormed ? apiSecret : "").hex().getBytes(StandardCharsets.US_ASCII);
        byte[] expected = stored.map(key -> key.secretHash().hex()).orElse("0".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        if (stored.isEmpty() || !MessageDigest.isEqual(presented, expected)) {
            throttle.recordFailure(accountKey, client.ip());
            return new TokenRefused(new AuthenticationFailure.InvalidCredentials());
        }
        Optional<User> user = users.findById(stored.get().userId());
        if (user.isEmpty()) {
            return new TokenRefused(new AuthenticationFailure.InvalidCredentials());
        }
        if (!user.get().isActive()) {
            return new TokenRefused(new AuthenticationFailure.Suspended());
        }
        throttle.recordSuccess(accountKey, client.ip());
        Session family = sessionIssuer.openTokenFamily(user.get(), AuthMethod.API_KEY, client);
        return tokens.issue(user.get().id(), family, false);
    }
}
