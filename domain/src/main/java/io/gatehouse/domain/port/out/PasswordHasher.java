package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.PasswordHash;

/** A slow, memory-hard password hash (argon2id), behind a port so the domain stays JDK-only. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    /** Compares in constant time with respect to the hash. */
    boolean matches(String password, PasswordHash hash);

    /** Whether the hash was made with weaker parameters than are configured now. */
    boolean needsRehash(PasswordHash hash);
}
