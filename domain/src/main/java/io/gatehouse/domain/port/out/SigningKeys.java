package io.gatehouse.domain.port.out;

import java.time.Instant;
import java.util.List;

/**
 * The JWT signing keys every node shares. Key material is opaque here: the private key arrives
 * already encrypted with the master key, and is stored and returned as is.
 */
public interface SigningKeys {

    List<StoredSigningKey> all();

    void insert(StoredSigningKey key);

    /** Marks every key but {@code current} retired (if not already), as of {@code at}. */
    int retireAllExcept(String current, Instant at);

    int deleteRetiredBefore(Instant before);

    record StoredSigningKey(String kid, String algorithm, String publicKey, String encryptedPrivateKey, Instant createdAt,
                            Instant retiredAt) {
        @Override
        public String toString() {
            return "StoredSigningKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt
                    + ", retiredAt=" + retiredAt + "]";
        }
    }
}
