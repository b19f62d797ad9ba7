package io.gatehouse.app.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.fakes.MutableClock;
import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.PublicSigningKey;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.SigningKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtSigningKeyRingTest {

    private static final TokenPolicy POLICY = new TokenPolicy("https://login.example.com", "gatehouse", Duration.ofMinutes(15));
    private static final Duration OVERLAP = Duration.ofHours(1);
    private final SharedStore store = new SharedStore();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final MasterKey masterKey = MasterKey.fromBase64(randomKey(), new SecureRandom());

    @Test
    void firstUseCreatesOneKeyThatSignsAndVerifies() {
        JwtSigningKeyRing ring = ring(masterKey);

        String token = ring.sign(claims());

        assertThat(ring.verify(token)).isPresent();
        assertThat(store.all()).hasSize(1);
        // The stored private key is sealed: it opens with the master key, and no stretch of its PKCS#8 form shows.
        // (A bare check for "MII", the base64 start of PKCS#8, failed by chance on ~0.6% of random ciphertexts.)
        SigningKeys.StoredSigningKey stored = store.all().get(0);
        String plain = Base64.getEncoder().encodeToString(masterKey.decrypt(stored.encryptedPrivateKey(), "signing-key:" + stored.kid()));
        assertThat(plain).startsWith("MII");
        assertThat(stored.encryptedPrivateKey()).doesNotContain(plain.substring(0, 32)).doesNotContain(plain.substring(100, 132));
    }

    @Test
    void afterRotationTheOldKeyVerifiesUntilTheOverlapEndsThenDisappears() {
        JwtSigningKeyRing ring = ring(masterKey);
        String signedWithOldKey = ring.sign(claims());

        String newKid = ring.rotate();
        clock.advance(OVERLAP.minusMinutes(1));

        assertThat(ring.verify(signedWithOldKey)).as("inside the overlap").isPresent();
        assertThat(ring.publishedKeys()).extracting(PublicSigningKey::kid).containsExactlyInAnyOrder(newKid, kidOf(signedWithOldKey));

        clock.advance(Duration.ofMinutes(2));
        assertThat(ring.verify(signedWithOldKey)).as("after the overlap").isEmpty();
        assertThat(ring.publishedKeys()).extracting(PublicSigningKey::kid).containsExactly(newKid);
        assertThat(kidOf(ring.sign(claims()))).isEqualTo(newKid);
    }

    @Test
    void maintenanceRotatesAKeyOlderThanTheIntervalAndForgetsKeysLongPastTheirOverlap() {
        JwtSigningKeyRing ring = ring(masterKey);
        String firstKid = kidOf(ring.sign(claims()));

        ring.maintain(Duration.ofDays(30));
        assertThat(store.all()).as("young key: nothing to do").hasSize(1);

        clock.advance(Duration.ofDays(31));
        ring.maintain(Duration.ofDays(30));
        assertThat(store.all()).hasSize(2);
        assertThat(kidOf(ring.sign(claims()))).isNotEqualTo(firstKid);

        clock.advance(OVERLAP.plus(Duration.ofDays(1)).plusMinutes(1));
        ring.maintain(Duration.ofDays(30));
        assertThat(store.all()).extracting(SigningKeys.StoredSigningKey::kid).doesNotContain(firstKid).hasSize(1);
    }

    @Test
    void aGeneratedMasterKeyIsWrittenOwnerOnlyOnceAndReadBackOnTheNextStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        MasterKey first = MasterKey.fromDataDirectory(dir, new SecureRandom());
        String sealed = first.encrypt(new byte[] {7, 8, 9}, "ctx");

        MasterKey second = MasterKey.fromDataDirectory(dir, new SecureRandom());

        assertThat(second.decrypt(sealed, "ctx")).containsExactly(7, 8, 9);
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("master.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=", new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyRotatedOnAnotherNodeIsPickedUpOnItsFirstToken() {
        JwtSigningKeyRing nodeA = ring(masterKey);
        JwtSigningKeyRing nodeB = ring(masterKey);
        nodeB.verify(nodeA.sign(claims()));

        nodeA.rotate();
        clock.advance(Duration.ofSeconds(10));
        String fromA = nodeA.sign(claims());

        assertThat(nodeB.verify(fromA)).isPresent();
        assertThat(nodeB.publishedKeys()).hasSize(2);
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStartSigning() {
        ring(masterKey).sign(claims());
        JwtSigningKeyRing wrongKey = ring(MasterKey.fromBase64(randomKey(), new SecureRandom()));

        assertThatThrownBy(() -> wrongKey.sign(claims())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEHOUSE_MASTER_KEY");
    }

    @Test
    void masterKeyCiphertextIsBoundToItsRecord() {
        String sealed = masterKey.encrypt(new byte[] {1, 2, 3}, "signing-key:a");

        assertThat(masterKey.decrypt(sealed, "signing-key:a")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> masterKey.decrypt(sealed, "signing-key:b")).isInstanceOf(IllegalStateException.class);
    }

    private JwtSigningKeyRing ring(MasterKey key) {
        return new JwtSigningKeyRing(store, key, POLICY, OVERLAP, Duration.ZERO, Duration.ofSeconds(60), clock);
    }

    private AccessTokenClaims claims() {
        Instant now = Instant.now();
        return new AccessTokenClaims(POLICY.issuer(), POLICY.audience(), UserId.random(), SessionId.random(), List.of("password"),
                now, now.plusSeconds(600), UUID.randomUUID().toString());
    }

    private static String kidOf(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The database table several nodes share. */
    private static final class SharedStore implements SigningKeys {
        private final List<StoredSigningKey> keys = new ArrayList<>();

        @Override
        public synchronized List<StoredSigningKey> all() {
            return keys.stream().sorted(Comparator.comparing(StoredSigningKey::createdAt).reversed()).toList();
        }

        @Override
        public synchronized void insert(StoredSigningKey key) {
            keys.add(key);
        }

        @Override
        public synchronized int retireAllExcept(String current, Instant at) {
            int count = 0;
            for (int i = 0; i < keys.size(); i++) {
                StoredSigningKey key = keys.get(i);
                if (!key.kid().equals(current) && key.retiredAt() == null) {
                    keys.set(i, new StoredSigningKey(key.kid(), key.algorithm(), key.publicKey(), key.encryptedPrivateKey(),
                            key.createdAt(), at));
                    count++;
                }
            }
            return count;
        }

        @Override
        public synchronized int deleteRetiredBefore(Instant before) {
            int size = keys.size();
            keys.removeIf(key -> key.retiredAt() != null && key.retiredAt().isBefore(before));
            return size - keys.size();
        }
    }
}
