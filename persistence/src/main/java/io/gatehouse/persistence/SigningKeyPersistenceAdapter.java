package io.gatehouse.persistence;

import io.gatehouse.domain.port.out.SigningKeys;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

@Singleton
class SigningKeyPersistenceAdapter implements SigningKeys {

    private final SigningKeyRepository repository;

    SigningKeyPersistenceAdapter(SigningKeyRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<StoredSigningKey> all() {
        return repository.findAllNewestFirst().stream()
                .map(row -> new StoredSigningKey(row.kid(), row.algorithm(), row.publicKey(), row.encryptedPrivateKey(),
                        row.createdAt(), row.retiredAt()))
                .toList();
    }

    @Override
    public void insert(StoredSigningKey key) {
        repository.save(new SigningKeyRow(key.kid(), key.algorithm(), key.publicKey(), key.encryptedPrivateKey(),
                key.createdAt(), key.retiredAt()));
    }

    @Override
    public int retireAllExcept(String current, Instant at) {
        return repository.retireAllExcept(current, at);
    }

    @Override
    public int deleteRetiredBefore(Instant before) {
        return repository.deleteRetiredBefore(before);
    }
}
