package io.gatehouse.persistence;

import io.gatehouse.domain.model.DeveloperApiKey;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
class DeveloperApiKeyPersistenceAdapter implements DeveloperApiKeys {

    private final DeveloperApiKeyRepository repository;

    DeveloperApiKeyPersistenceAdapter(DeveloperApiKeyRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<DeveloperApiKey> findByUser(UserId userId) {
        return repository.findById(userId.value()).map(DeveloperApiKeyPersistenceAdapter::toKey);
    }

    @Override
    public Optional<DeveloperApiKey> findByApiKey(String apiKey) {
        return repository.findByApiKey(apiKey).map(DeveloperApiKeyPersistenceAdapter::toKey);
    }

    @Override
    @Transactional
    public void replace(DeveloperApiKey key) {
        repository.deleteForUser(key.userId().value());
        repository.save(new DeveloperApiKeyRow(key.userId().value(), key.apiKey(), key.secretHash().hex(), key.createdAt()));
    }

    @Override
    public void deleteForUser(UserId userId) {
        repository.deleteForUser(userId.value());
    }

    private static DeveloperApiKey toKey(DeveloperApiKeyRow row) {
        return new DeveloperApiKey(new UserId(row.userId()), row.apiKey(), new TokenHash(row.secretHash()), row.createdAt());
    }
}
