package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("signing_keys")
record SigningKeyRow(@Id String kid, String algorithm, String publicKey, String encryptedPrivateKey, Instant createdAt,
                     @Nullable Instant retiredAt) {
}
