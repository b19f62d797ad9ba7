package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs at most {@code permits} hashes at once; the others wait their turn (first come, first
 * served). Each argon2id computation holds its whole memory cost (19 MiB by default) for its
 * duration, so without a bound a burst of logins would need burst size × memory cost of heap,
 * and running more hashes than there are cores only lengthens every one of them (OWASP Password
 * Storage Cheat Sheet: the memory parameter is per computation). {@code needsRehash} only reads
 * the encoded parameters and is not bounded.
 *
 * <p>Two timers tell an operator what the cost parameters cost on this machine and whether logins
 * queue for a permit: {@code gatehouse_password_hash_seconds{operation="hash"|"verify"}} (the
 * computation alone) and {@code gatehouse_password_hash_wait_seconds} (the wait before it).
 */
public final class BoundedPasswordHasher implements PasswordHasher {

    private final PasswordHasher delegate;
    private final Semaphore permits;
    private final Timer hashing;
    private final Timer verifying;
    private final Timer waiting;

    public BoundedPasswordHasher(PasswordHasher delegate, int permits, MeterRegistry registry) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one hash must be allowed at a time");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.hashing = computationTimer(registry, "hash");
        this.verifying = computationTimer(registry, "verify");
        this.waiting = Timer.builder("gatehouse.password.hash.wait")
                .description("Time a password hash waited for one of the GATEHOUSE_PASSWORD_ARGON2_CONCURRENCY permits")
                .register(registry);
    }

    @Override
    public PasswordHash hash(String password) {
        return bounded(hashing, () -> delegate.hash(password));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        return bounded(verifying, () -> delegate.matches(password, hash));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return delegate.needsRehash(hash);
    }

    private <T> T bounded(Timer computation, Supplier<T> work) {
        long queued = System.nanoTime();
        // Uninterruptibly: an interrupted request thread must not skip the comparison and must not
        // run it unbounded either; it simply waits its turn like every other login.
        permits.acquireUninterruptibly();
        try {
            long started = System.nanoTime();
            waiting.record(started - queued, TimeUnit.NANOSECONDS);
            try {
                return work.get();
            } finally {
                computation.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        } finally {
            permits.release();
        }
    }

    private static Timer computationTimer(MeterRegistry registry, String operation) {
        return Timer.builder("gatehouse.password.hash")
                .description("Time one argon2id computation takes at the configured cost, without the wait for a permit")
                .tag("operation", operation)
                .register(registry);
    }
}
