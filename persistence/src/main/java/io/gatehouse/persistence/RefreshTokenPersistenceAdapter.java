package io.gatehouse.persistence;

import io.gatehouse.domain.model.RefreshToken;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.RefreshTokens;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

@Singleton
class RefreshTokenPersistenceAdapter implements RefreshTokens {

    private final RefreshTokenRepository repository;

    RefreshTokenPersistenceAdapter(RefreshTokenRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(RefreshToken token) {
        repository.save(new RefreshTokenRow(token.tokenHash().hex(), token.sessionId().value(), token.userId().value(),
                token.issuedAt(), token.expiresAt(), null));
    }

    @Override
    public Consumed consume(TokenHash hash, Instant now) {
        boolean won = repository.markUsed(hash.hex(), now) == 1;
        Optional<RefreshTokenRow> row = repository.findById(hash.hex());
        if (row.isEmpty()) {
            return new Invalid();
        }
        RefreshToken token = toToken(row.get());
        if (won) {
            return new Rotated(token);
        }
        return row.get().usedAt() != null ? new AlreadyUsed(token) : new Invalid();
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        return repository.purgeExpiredBefore(before);
    }

    @Override
    public Optional<RefreshToken> find(TokenHash hash) {
        return repository.findById(hash.hex()).filter(row -> row.usedAt() == null).map(RefreshTokenPersistenceAdapter::toToken);
    }

    private static RefreshToken toToken(RefreshTokenRow row) {
        return new RefreshToken(new TokenHash(row.tokenHash()), new SessionId(row.sessionId()), new UserId(row.userId()),
                row.issuedAt(), row.expiresAt());
    }
}
