package io.gatehouse.crypto;

import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) through Bouncy Castle, encoded in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>} so that every hash
 * carries its own parameters. 16-byte random salt, 32-byte output (RFC 9106 4: recommended sizes).
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Refuse to run a stored hash that asks for more than this (a corrupted row must not exhaust memory). */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random;

    public record Cost(int memoryKib, int iterations, int parallelism) {
        public Cost {
            if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                    || parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("argon2id parameters out of range");
            }
        }

        boolean weakerThan(Cost other) {
            return memoryKib < other.memoryKib || iterations < other.iterations || parallelism < other.parallelism;
        }
    }

    private record Decoded(Cost cost, byte[] salt, byte[] hash) {
    }

    public Argon2idPasswordHasher(Cost cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
    }

    @Override
    public PasswordHash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return new PasswordHash("$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    @Override
    public boolean matches(String password, PasswordHash stored) {
        Optional<Decoded> decoded = decode(stored.encoded());
        if (decoded.isEmpty()) {
            return false;
        }
        byte[] actual = derive(password, decoded.get().salt(), decoded.get().cost(), decoded.get().hash().length);
        return MessageDigest.isEqual(actual, decoded.get().hash());
    }

    @Override
    public boolean needsRehash(PasswordHash stored) {
        return decode(stored.encoded()).map(decoded -> decoded.cost().weakerThan(cost)).orElse(true);
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static Optional<Decoded> decode(String encoded) {
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return Optional.empty();
        }
        try {
            int memory = -1;
            int iterations = -1;
            int parallelism = -1;
            for (String parameter : parts[3].split(",", -1)) {
                String[] pair = parameter.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            byte[] hash = B64_DECODER.decode(parts[5]);
            if (hash.length < 16 || hash.length > 64) {
                return Optional.empty();
            }
            return Optional.of(new Decoded(new Cost(memory, iterations, parallelism), B64_DECODER.decode(parts[4]), hash));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
