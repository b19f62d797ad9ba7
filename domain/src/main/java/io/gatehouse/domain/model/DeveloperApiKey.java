package io.gatehouse.domain.model;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import java.time.Instant;

/** A user's one developer API key: a public {@code apiKey} and the hash of its secret. */
public record DeveloperApiKey(UserId userId, String apiKey, TokenHash secretHash, Instant createdAt) {

    public static final String KEY_PREFIX = "gh_ak_";
    public static final String SECRET_PREFIX = "gh_as_";
}
