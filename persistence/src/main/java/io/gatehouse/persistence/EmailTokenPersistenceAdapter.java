package io.gatehouse.persistence;

import io.gatehouse.domain.model.EmailToken;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.port.out.EmailTokens;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Singleton
class EmailTokenPersistenceAdapter implements EmailTokens {

    private final EmailTokenRepository repository;

    EmailTokenPersistenceAdapter(EmailTokenRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(EmailToken token) {
        repository.insert(token.hash().hex(), token.userId().value(), token.purpose().wireName(), token.createdAt(), token.expiresAt());
    }

    @Override
    public Optional<EmailToken> find(TokenHash hash, EmailToken.Purpose purpose) {
        return repository.find(hash.hex(), purpose.wireName()).map(EmailTokenPersistenceAdapter::toToken);
    }

    /** Read, then delete by key: a second taker's DELETE waits for the first's row lock and then deletes nothing. */
    @Override
    public Optional<EmailToken> take(TokenHash hash, EmailToken.Purpose purpose) {
        Optional<EmailToken> token = find(hash, purpose);
        if (token.isEmpty() || repository.delete(hash.hex()) != 1) {
            return Optional.empty();
        }
        return token;
    }

    @Override
    public int deleteAll(UserId user, EmailToken.Purpose purpose) {
        return repository.deleteAll(user.value(), purpose.wireName());
    }

    @Override
    public int purgeExpired(Instant now) {
        return repository.purge(now);
    }

    private static EmailToken toToken(EmailTokenRow row) {
        return new EmailToken(new TokenHash(row.tokenHash()), new UserId(row.userId()),
                WireNamed.parse(EmailToken.Purpose.class, row.purpose()).orElseThrow(), row.createdAt(), row.expiresAt());
    }

    @MappedEntity("email_tokens")
    record EmailTokenRow(@Id String tokenHash, UUID userId, String purpose, Instant createdAt, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface EmailTokenRepository extends GenericRepository<EmailTokenRow, String> {

        @Query("""
                INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at)
                VALUES (:tokenHash, :userId, :purpose, :createdAt, :expiresAt)""")
        int insert(String tokenHash, UUID userId, String purpose, Instant createdAt, Instant expiresAt);

        @Query("SELECT * FROM email_tokens WHERE token_hash = :tokenHash AND purpose = :purpose")
        Optional<EmailTokenRow> find(String tokenHash, String purpose);

        @Query("DELETE FROM email_tokens WHERE token_hash = :tokenHash")
        int delete(String tokenHash);

        @Query("DELETE FROM email_tokens WHERE user_id = :userId AND purpose = :purpose")
        int deleteAll(UUID userId, String purpose);

        @Query("DELETE FROM email_tokens WHERE expires_at < :now")
        int purge(Instant now);
    }
}
