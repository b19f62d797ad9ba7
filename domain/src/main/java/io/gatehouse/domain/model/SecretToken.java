package io.gatehouse.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A bearer secret handed to a client exactly once (a session cookie value, later refresh and API
 * tokens): 256 bits from a CSPRNG, base64url without padding. Only its {@link #hash()} is ever
 * stored (OWASP Session Management: session ids must be unguessable and never stored in clear).
 * Since the secret has full entropy, an unsalted SHA-256 is enough; a lookup by hash also keeps
 * comparison time independent of the secret.
 */
public record SecretToken(String value) {

    private static final int RANDOM_BYTES = 32;
    /** Upper bound on what a client may present, so a huge header cannot make us hash megabytes. */
    public static final int MAX_PRESENTED_LENGTH = 512;

    public SecretToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_PRESENTED_LENGTH) {
            throw new IllegalArgumentException("secret token length out of bounds");
        }
    }

    public static SecretToken generate(SecureRandom random) {
        return generate(random, "");
    }

    /** A fresh secret with a recognisable, non-secret prefix (for example {@code gh_at_}). */
    public static SecretToken generate(SecureRandom random, String prefix) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new SecretToken(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public TokenHash hash() {
        return TokenHash.sha256(value);
    }

    @Override
    public String toString() {
        return "SecretToken[redacted]";
    }

    /** Lower-case hex SHA-256 of a secret: what the database stores and indexes. */
    public record TokenHash(String hex) {
        public TokenHash {
            Objects.requireNonNull(hex, "hex");
            if (hex.length() != 64) {
                throw new IllegalArgumentException("a SHA-256 hex digest has 64 characters");
            }
        }

        public static TokenHash sha256(String input) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
                return new TokenHash(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides SHA-256", e);
            }
        }
    }
}
