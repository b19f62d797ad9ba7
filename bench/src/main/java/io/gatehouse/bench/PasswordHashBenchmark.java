package io.gatehouse.bench;

import io.gatehouse.crypto.Argon2idPasswordHasher;
import io.gatehouse.domain.model.PasswordHash;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Wall time of one argon2id hash and one verification at the configured default cost (OWASP:
 * m=19456 KiB, t=2, p=1), after warm-up. A login costs one verification, so this is the floor
 * for the login path. Arguments: [memoryKib iterations parallelism samples].
 */
public final class PasswordHashBenchmark {

    private PasswordHashBenchmark() {
    }

    public static void main(String[] args) {
        int memory = args.length > 0 ? Integer.parseInt(args[0]) : 19456;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(
                new Argon2idPasswordHasher.Cost(memory, iterations, parallelism), new SecureRandom());
        PasswordHash hash = hasher.hash("benchmark passphrase");
        for (int i = 0; i < 10; i++) {
            hasher.matches("benchmark passphrase", hash);
        }
        long[] hashNanos = new long[samples];
        long[] verifyNanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            hash = hasher.hash("benchmark passphrase " + i);
            hashNanos[i] = System.nanoTime() - start;
            start = System.nanoTime();
            hasher.matches("benchmark passphrase " + i, hash);
            verifyNanos[i] = System.nanoTime() - start;
        }
        System.out.printf("argon2id m=%d KiB t=%d p=%d, %d samples, Java %s%n", memory, iterations, parallelism, samples,
                System.getProperty("java.version"));
        report("hash", hashNanos);
        report("verify", verifyNanos);
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-7s median %6.1f ms   p95 %6.1f ms   min %6.1f ms%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[0] / 1e6);
    }
}
