package io.gatehouse.persistence;

import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.LinkConfirmations;
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
class LinkConfirmationPersistenceAdapter implements LinkConfirmations {

    private final LinkConfirmationRepository repository;

    LinkConfirmationPersistenceAdapter(LinkConfirmationRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(LinkConfirmation c) {
        repository.insert(c.codeHash().hex(), c.userId().value(), c.providerName(), c.workspaceId() == null ? null : c.workspaceId().value(),
                c.externalId(), c.email(), c.fullName(), c.expiresAt());
    }

    @Override
    public Optional<LinkConfirmation> find(TokenHash codeHash) {
        return repository.find(codeHash.hex()).map(r -> new LinkConfirmation(new TokenHash(r.codeHash()), new UserId(r.userId()),
                r.providerName(), r.workspaceId() == null ? null : new WorkspaceId(r.workspaceId()), r.externalId(), r.email(), r.fullName(), r.expiresAt()));
    }

    @Override
    public boolean delete(TokenHash codeHash) {
        return repository.delete(codeHash.hex()) == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return repository.purge(now);
    }

    @MappedEntity("sso_link_confirmations")
    record LinkConfirmationRow(@Id String codeHash, UUID userId, String providerName, @Nullable UUID workspaceId, String externalId, @Nullable String email,
                               @Nullable String fullName, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface LinkConfirmationRepository extends GenericRepository<LinkConfirmationRow, String> {

        @Query("""
                INSERT INTO sso_link_confirmations (code_hash, user_id, provider_name, workspace_id, external_id, email, full_name,
                                                    expires_at)
                VALUES (:codeHash, :userId, :providerName, :workspaceId, :externalId, :email, :fullName, :expiresAt)""")
        int insert(String codeHash, UUID userId, String providerName, @Nullable UUID workspaceId, String externalId, @Nullable String email,
                   @Nullable String fullName, Instant expiresAt);

        @Query("SELECT * FROM sso_link_confirmations WHERE code_hash = :codeHash")
        Optional<LinkConfirmationRow> find(String codeHash);

        @Query("DELETE FROM sso_link_confirmations WHERE code_hash = :codeHash")
        int delete(String codeHash);

        @Query("DELETE FROM sso_link_confirmations WHERE expires_at < :now")
        int purge(Instant now);
    }
}
