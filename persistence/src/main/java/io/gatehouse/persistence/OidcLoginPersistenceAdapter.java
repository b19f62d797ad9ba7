package io.gatehouse.persistence;

import io.gatehouse.domain.model.PendingOidcLogin;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.PendingOidcLogins;
import io.micronaut.core.annotation.Nullable;
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
class OidcLoginPersistenceAdapter implements PendingOidcLogins {

    private final OidcLoginRepository repository;

    OidcLoginPersistenceAdapter(OidcLoginRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(PendingOidcLogin l) {
        repository.insert(l.stateHash().hex(), l.provider(), l.nonce(), l.codeVerifier(), l.browserHash().hex(),
                l.linkingUser() == null ? null : l.linkingUser().value(), l.client(), l.clientState(), l.redirect(), l.createdAt(),
                l.expiresAt());
    }

    /**
     * Read, then delete by key: when two nodes take the same state at once, the second DELETE waits for the first's
     * row lock and then deletes nothing, so only one of them gets the login.
     */
    @Override
    public Optional<PendingOidcLogin> take(TokenHash stateHash) {
        Optional<OidcLoginRow> row = repository.find(stateHash.hex());
        if (row.isEmpty() || repository.delete(stateHash.hex()) != 1) {
            return Optional.empty();
        }
        OidcLoginRow r = row.get();
        return Optional.of(new PendingOidcLogin(new TokenHash(r.stateHash()), r.provider(), r.nonce(), r.codeVerifier(),
                new TokenHash(r.browserHash()), r.linkingUserId() == null ? null : new UserId(r.linkingUserId()), r.client(), r.clientState(),
                r.redirect(), r.createdAt(), r.expiresAt()));
    }

    @Override
    public int purgeExpired(Instant now) {
        return repository.purge(now);
    }

    @MappedEntity("oidc_logins")
    record OidcLoginRow(@Id String stateHash, String provider, String nonce, String codeVerifier, String browserHash,
                        @Nullable UUID linkingUserId, @Nullable String client, @Nullable String clientState, @Nullable String redirect,
                        Instant createdAt, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface OidcLoginRepository extends GenericRepository<OidcLoginRow, String> {

        @Query("""
                INSERT INTO oidc_logins (state_hash, provider, nonce, code_verifier, browser_hash, linking_user_id, client, client_state,
                                         redirect, created_at, expires_at)
                VALUES (:stateHash, :provider, :nonce, :codeVerifier, :browserHash, :linkingUserId, :client, :clientState, :redirect,
                        :createdAt, :expiresAt)""")
        int insert(String stateHash, String provider, String nonce, String codeVerifier, String browserHash, @Nullable UUID linkingUserId,
                   @Nullable String client, @Nullable String clientState, @Nullable String redirect, Instant createdAt, Instant expiresAt);

        @Query("SELECT * FROM oidc_logins WHERE state_hash = :stateHash")
        Optional<OidcLoginRow> find(String stateHash);

        @Query("DELETE FROM oidc_logins WHERE state_hash = :stateHash")
        int delete(String stateHash);

        @Query("DELETE FROM oidc_logins WHERE expires_at < :now")
        int purge(Instant now);
    }
}
