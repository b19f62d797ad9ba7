package io.gatehouse.app.crypto;

import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.port.out.PasswordHasher;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs at most {@code permits} hashes at once; the others wait their turn (first come, first
 * served). Each argon2id computation holds its whole memory cost (19 MiB by default) for its
 * duration, so without a bound a burst of logins would need burst size × memory cost of heap,
 * and running more hashes than there are cores only lengthens every one of them (OWASP Password
 * Storage Cheat Sheet: the memory parameter is per computation). {@code needsRehash} only reads
 * the encoded parameters and is not bounded.
 */
public final class BoundedPasswordHasher implements PasswordHasher {

    private final PasswordHasher delegate;
    private final Semaphore permits;

    public BoundedPasswordHasher(PasswordHasher delegate, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one hash must be allowed at a time");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public PasswordHash hash(String password) {
        return bounded(() -> delegate.hash(password));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        return bounded(() -> delegate.matches(password, hash));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return delegate.needsRehash(hash);
    }

    private <T> T bounded(Supplier<T> computation) {
        // Uninterruptibly: an interrupted request thread must not skip the comparison and must not
        // run it unbounded either; it simply waits its turn like every other login.
        permits.acquireUninterruptibly();
        try {
            return computation.get();
        } finally {
            permits.release();
        }
    }
}
