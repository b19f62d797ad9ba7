package io.gatehouse.persistence;

import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ExternalIdentityPersistenceAdapter implements ExternalIdentities {

    private final ExternalIdentityRepository repository;

    ExternalIdentityPersistenceAdapter(ExternalIdentityRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<ExternalIdentity> find(String providerName, String externalId) {
        return repository.find(providerName, externalId).map(ExternalIdentityPersistenceAdapter::toIdentity);
    }

    @Override
    public Optional<LinkedAccount> findLinkedAccount(String providerName, String externalId) {
        return repository.findLinkedAccount(providerName, externalId).map(row -> new LinkedAccount(
                new ExternalIdentity(providerName, externalId, new UserId(row.id()), row.identityEmail(), row.linkedAt()),
                UserPersistenceAdapter.toUser(new UserRow(row.id(), row.email(), row.fullName(), row.status(), row.passwordHash(),
                        row.instanceAdmin(), row.createdAt(), row.lastLoginAt(), row.emailVerified()))));
    }

    @Override
    public Optional<ExternalIdentity> findForUser(UserId user, String providerName) {
        return repository.findForUser(user.value(), providerName).map(ExternalIdentityPersistenceAdapter::toIdentity);
    }

    @Override
    public List<ExternalIdentity> ofUser(UserId user) {
        return repository.ofUser(user.value()).stream().map(ExternalIdentityPersistenceAdapter::toIdentity).toList();
    }

    @Override
    public boolean insertIfFree(ExternalIdentity i) {
        return repository.insert(i.providerName(), i.externalId(), i.userId().value(), i.email(), i.linkedAt()) == 1;
    }

    @Override
    public void updateEmail(String providerName, String externalId, String email) {
        repository.updateEmail(providerName, externalId, email);
    }

    @Override
    public boolean delete(UserId user, String providerName) {
        return repository.delete(user.value(), providerName) > 0;
    }

    private static ExternalIdentity toIdentity(ExternalIdentityRow row) {
        return new ExternalIdentity(row.providerName(), row.externalId(), new UserId(row.userId()), row.email(), row.linkedAt());
    }

    @MappedEntity("external_identities")
    record ExternalIdentityRow(@Id String providerName, String externalId, UUID userId, @Nullable String email, Instant linkedAt) {
    }

    @Introspected
    record LinkedAccountRow(UUID id, String email, @Nullable String fullName, String status, @Nullable String passwordHash,
                            boolean instanceAdmin, Instant createdAt, @Nullable Instant lastLoginAt, boolean emailVerified,
                            @Nullable String identityEmail,
                            Instant linkedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface ExternalIdentityRepository extends GenericRepository<ExternalIdentityRow, String> {

        @Query("SELECT * FROM external_identities WHERE provider_name = :providerName AND external_id = :externalId")
        Optional<ExternalIdentityRow> find(String providerName, String externalId);

        @Query("""
                SELECT u.id AS id, u.email AS email, u.full_name AS full_name, u.status AS status, u.password_hash AS password_hash,
                       u.instance_admin AS instance_admin, u.created_at AS created_at, u.last_login_at AS last_login_at,
                       u.email_verified AS email_verified, i.email AS identity_email, i.linked_at AS linked_at
                FROM external_identities i JOIN users u ON u.id = i.user_id
                WHERE i.provider_name = :providerName AND i.external_id = :externalId""")
        Optional<LinkedAccountRow> findLinkedAccount(String providerName, String externalId);

        @Query("SELECT * FROM external_identities WHERE user_id = :userId AND provider_name = :providerName")
        Optional<ExternalIdentityRow> findForUser(UUID userId, String providerName);

        @Query("SELECT * FROM external_identities WHERE user_id = :userId ORDER BY linked_at, provider_name")
        List<ExternalIdentityRow> ofUser(UUID userId);

        /** ON CONFLICT DO NOTHING covers both keys: this identity, or this user at this provider, already linked. */
        @Query("""
                INSERT INTO external_identities (provider_name, external_id, user_id, email, linked_at)
                VALUES (:providerName, :externalId, :userId, :email, :linkedAt) ON CONFLICT DO NOTHING""")
        int insert(String providerName, String externalId, UUID userId, @Nullable String email, Instant linkedAt);

        @Query("UPDATE external_identities SET email = :email WHERE provider_name = :providerName AND external_id = :externalId")
        int updateEmail(String providerName, String externalId, @Nullable String email);

        @Query("DELETE FROM external_identities WHERE user_id = :userId AND provider_name = :providerName")
        int delete(UUID userId, String providerName);
    }
}
