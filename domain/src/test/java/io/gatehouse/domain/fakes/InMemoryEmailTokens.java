package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.EmailToken;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.EmailTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryEmailTokens implements EmailTokens {

    private final Map<TokenHash, EmailToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(EmailToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public Optional<EmailToken> find(TokenHash hash, EmailToken.Purpose purpose) {
        return Optional.ofNullable(tokens.get(hash)).filter(t -> t.purpose() == purpose);
    }

    @Override
    public Optional<EmailToken> take(TokenHash hash, EmailToken.Purpose purpose) {
        Optional<EmailToken> found = find(hash, purpose);
        return found.filter(t -> tokens.remove(hash, t));
    }

    @Override
    public int deleteAll(UserId user, EmailToken.Purpose purpose) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.userId().equals(user) && t.purpose() == purpose);
        return before - tokens.size();
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.expiresAt().isBefore(now));
        return before - tokens.size();
    }

    public int count() {
        return tokens.size();
    }
}
