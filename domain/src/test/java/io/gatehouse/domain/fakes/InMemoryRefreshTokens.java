package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.RefreshToken;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.port.out.RefreshTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

public final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<TokenHash, RefreshToken> tokens = new HashMap<>();
    private final Set<TokenHash> used = new HashSet<>();

    @Override
    public void insert(RefreshToken token) {
        tokens.put(token.tokenHash(), token);
    }

    @Override
    public synchronized Consumed consume(TokenHash hash, Instant now) {
        RefreshToken token = tokens.get(hash);
        if (token == null) {
            return new Invalid();
        }
        if (used.contains(hash)) {
            return new AlreadyUsed(token);
        }
        if (!token.expiresAt().isAfter(now)) {
            return new Invalid();
        }
        used.add(hash);
        return new Rotated(token);
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        return 0;
    }

    @Override
    public synchronized java.util.Optional<RefreshToken> find(TokenHash hash) {
        return used.contains(hash) ? java.util.Optional.empty() : java.util.Optional.ofNullable(tokens.get(hash));
    }
}
