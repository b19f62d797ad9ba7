package io.gatehouse.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts private keys at rest: AES-256-GCM (NIST SP 800-38D) with a random 96-bit
 * nonce per message and the record's identity as associated data, so a ciphertext cannot be moved
 * to another row. From {@code GATEHOUSE_MASTER_KEY} (base64 of 32 bytes) or, when unset, generated
 * once into the data directory with a warning; every node of a cluster must share the same key.
 */
public final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;
    private final SecureRandom random;

    private MasterKey(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    public static MasterKey fromBase64(String encoded, SecureRandom random) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEHOUSE_MASTER_KEY is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("GATEHOUSE_MASTER_KEY must be 32 bytes (base64 of 32 random bytes)");
        }
        return new MasterKey(bytes, random);
    }

    /** Reads {@code master.key} from the data directory, creating it (owner-only) on first start. */
    public static MasterKey fromDataDirectory(Path dataDirectory, SecureRandom random) {
        Path file = dataDirectory.resolve("master.key");
        try {
            if (Files.exists(file)) {
                return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), random);
            }
            Files.createDirectories(dataDirectory);
            byte[] bytes = new byte[KEY_BYTES];
            random.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warn("Could not restrict permissions of {}", file);
            }
            LOG.warn("GATEHOUSE_MASTER_KEY is not set: generated a master key into {}. Back it up, and set the same "
                    + "GATEHOUSE_MASTER_KEY on every node of a cluster.", file);
            return new MasterKey(bytes, random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    public String encrypt(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every JDK", e);
        }
    }

    /** @throws IllegalStateException when the ciphertext was made with another master key or altered */
    public byte[] decrypt(String encoded, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: is GATEHOUSE_MASTER_KEY the one it was "
                    + "encrypted with?");
        }
    }
}
