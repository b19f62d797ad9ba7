package io.gatehouse.persistence;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.AuthorizationGrant;
import io.gatehouse.domain.model.ClientTokenFamily;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.port.out.AuthorizationCodes;
import io.gatehouse.domain.port.out.OAuthClients;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Gatehouse as an OpenID Provider: clients, authorization codes, and the token families codes were exchanged for. */
@Singleton
class OAuthPersistenceAdapter implements OAuthClients, AuthorizationCodes {

    private final OAuthRepository repository;

    OAuthPersistenceAdapter(OAuthRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(OAuthClient c) {
        repository.insertClient(c.clientId(), c.name(), c.type().wireName(), c.secretHash() == null ? null : c.secretHash().hex(),
                String.join(" ", c.redirectUris()), String.join(" ", c.postLogoutRedirectUris()), String.join(" ", c.allowedScopes()),
                c.createdAt());
    }

    @Override
    public Optional<OAuthClient> find(String clientId) {
        return clientId.length() > 64 ? Optional.empty() : repository.findClient(clientId).map(OAuthPersistenceAdapter::toClient);
    }

    @Override
    public List<OAuthClient> list() {
        return repository.listClients().stream().map(OAuthPersistenceAdapter::toClient).toList();
    }

    @Override
    public boolean delete(String clientId) {
        return clientId.length() <= 64 && repository.deleteClient(clientId) == 1;
    }

    @Override
    public void insert(AuthorizationGrant g) {
        repository.insertCode(g.codeHash().hex(), g.clientId(), g.userId().value(), g.browserSession().value(), g.redirectUri(),
                g.codeChallenge(), String.join(" ", g.scopes()), g.nonce(), g.authTime(), g.authMethod().wireName(), g.createdAt(), g.expiresAt());
    }

    /** The single-use gate: of concurrent callers, exactly one marks the code used. */
    @Override
    public Redemption redeem(TokenHash codeHash, Instant now) {
        boolean won = repository.markCodeUsed(codeHash.hex(), now) == 1;
        Optional<CodeRow> row = repository.findCode(codeHash.hex());
        if (row.isEmpty()) {
            return new Unknown();
        }
        AuthorizationGrant grant = toGrant(row.get());
        if (won) {
            return new Taken(grant);
        }
        return row.get().usedAt() != null ? new AlreadyUsed(grant) : new Unknown();
    }

    @Override
    public void insertFamily(ClientTokenFamily f) {
        repository.insertFamily(f.family().value(), f.clientId(), f.userId().value(), String.join(" ", f.scopes()), f.browserSession().value(),
                f.authTime(), f.codeHash().hex());
    }

    @Override
    public Optional<ClientTokenFamily> findFamily(SessionId family) {
        return repository.findFamily(family.value()).map(OAuthPersistenceAdapter::toFamily);
    }

    @Override
    public Optional<ClientTokenFamily> familyOfCode(TokenHash codeHash) {
        return repository.findFamilyOfCode(codeHash.hex()).map(OAuthPersistenceAdapter::toFamily);
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        return repository.purgeCodes(before);
    }

    private static OAuthClient toClient(ClientRow r) {
        return new OAuthClient(r.clientId(), r.name(), WireNamed.parse(OAuthClient.Type.class, r.clientType()).orElseThrow(),
                r.secretHash() == null ? null : new TokenHash(r.secretHash()), words(r.redirectUris()), words(r.postLogoutRedirectUris()),
                new LinkedHashSet<>(words(r.allowedScopes())), r.createdAt());
    }

    private static AuthorizationGrant toGrant(CodeRow r) {
        return new AuthorizationGrant(new TokenHash(r.codeHash()), r.clientId(), new UserId(r.userId()), new SessionId(r.browserSession()),
                r.redirectUri(), r.codeChallenge(), Set.copyOf(words(r.scopes())), r.nonce(), r.authTime(),
                WireNamed.parse(AuthMethod.class, r.authMethod()).orElseThrow(), r.createdAt(), r.expiresAt());
    }

    private static ClientTokenFamily toFamily(FamilyRow r) {
        return new ClientTokenFamily(new SessionId(r.familyId()), r.clientId(), new UserId(r.userId()), Set.copyOf(words(r.scopes())),
                new SessionId(r.browserSession()), r.authTime(), new TokenHash(r.codeHash()));
    }

    private static List<String> words(String joined) {
        return joined.isBlank() ? List.of() : Arrays.asList(joined.trim().split(" "));
    }

    @MappedEntity("oauth_clients")
    record ClientRow(@Id String clientId, String name, String clientType, @Nullable String secretHash, String redirectUris,
                     String postLogoutRedirectUris, String allowedScopes, Instant createdAt) {
    }

    @MappedEntity("oauth_codes")
    record CodeRow(@Id String codeHash, String clientId, UUID userId, UUID browserSession, String redirectUri, String codeChallenge,
                   String scopes, @Nullable String nonce, Instant authTime, String authMethod, Instant createdAt, Instant expiresAt,
                   @Nullable Instant usedAt) {
    }

    @MappedEntity("oauth_token_families")
    record FamilyRow(@Id UUID familyId, String clientId, UUID userId, String scopes, UUID browserSession, Instant authTime, String codeHash) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface OAuthRepository extends GenericRepository<ClientRow, String> {

        @Query("""
                INSERT INTO oauth_clients (client_id, name, client_type, secret_hash, redirect_uris, post_logout_redirect_uris, allowed_scopes,
                                           created_at)
                VALUES (:clientId, :name, :clientType, :secretHash, :redirectUris, :postLogoutRedirectUris, :allowedScopes, :createdAt)""")
        int insertClient(String clientId, String name, String clientType, @Nullable String secretHash, String redirectUris,
                         String postLogoutRedirectUris, String allowedScopes, Instant createdAt);

        @Query("SELECT * FROM oauth_clients WHERE client_id = :clientId")
        Optional<ClientRow> findClient(String clientId);

        @Query("SELECT * FROM oauth_clients ORDER BY created_at, client_id")
        List<ClientRow> listClients();

        @Query("DELETE FROM oauth_clients WHERE client_id = :clientId")
        int deleteClient(String clientId);

        @Query("""
                INSERT INTO oauth_codes (code_hash, client_id, user_id, browser_session, redirect_uri, code_challenge, scopes, nonce, auth_time,
                                         auth_method, created_at, expires_at)
                VALUES (:codeHash, :clientId, :userId, :browserSession, :redirectUri, :codeChallenge, :scopes, :nonce, :authTime, :authMethod,
                        :createdAt, :expiresAt)""")
        int insertCode(String codeHash, String clientId, UUID userId, UUID browserSession, String redirectUri, String codeChallenge,
                       String scopes, @Nullable String nonce, Instant authTime, String authMethod, Instant createdAt, Instant expiresAt);

        @Query("UPDATE oauth_codes SET used_at = :now WHERE code_hash = :codeHash AND used_at IS NULL AND expires_at > :now")
        int markCodeUsed(String codeHash, Instant now);

        @Query("SELECT * FROM oauth_codes WHERE code_hash = :codeHash")
        Optional<CodeRow> findCode(String codeHash);

        @Query("DELETE FROM oauth_codes WHERE expires_at < :before")
        int purgeCodes(Instant before);

        @Query("""
                INSERT INTO oauth_token_families (family_id, client_id, user_id, scopes, browser_session, auth_time, code_hash)
                VALUES (:familyId, :clientId, :userId, :scopes, :browserSession, :authTime, :codeHash)""")
        int insertFamily(UUID familyId, String clientId, UUID userId, String scopes, UUID browserSession, Instant authTime, String codeHash);

        @Query("SELECT * FROM oauth_token_families WHERE family_id = :familyId")
        Optional<FamilyRow> findFamily(UUID familyId);

        @Query("SELECT * FROM oauth_token_families WHERE code_hash = :codeHash")
        Optional<FamilyRow> findFamilyOfCode(String codeHash);
    }
}
