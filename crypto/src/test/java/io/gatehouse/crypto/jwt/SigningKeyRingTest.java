package io.gatehouse.crypto.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.crypto.MasterKey;
import io.gatehouse.domain.fakes.MutableClock;
import io.gatehouse.domain.port.out.SigningKeys;
import java.text.ParseException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key ring behind micronaut-security-jwt's signature and JWKS extension points, over a store several nodes share. */
class SigningKeyRingTest {

    private static final Duration OVERLAP = Duration.ofHours(1);
    private final SharedStore store = new SharedStore();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final MasterKey masterKey = MasterKey.fromBase64(randomKey(), new SecureRandom());

    @Test
    void firstUseCreatesOneKeyThatSignsAndVerifies() {
        Node ring = ring(masterKey);

        String token = ring.sign();

        assertThat(ring.verifies(token)).isTrue();
        assertThat(store.all()).hasSize(1);
        // The stored private key is sealed: it opens with the master key, and no stretch of its PKCS#8 form shows.
        // (A bare check for "MII", the base64 start of PKCS#8, failed by chance on ~0.6% of random ciphertexts.)
        SigningKeys.StoredSigningKey stored = store.all().get(0);
        String plain = Base64.getEncoder().encodeToString(masterKey.decrypt(stored.encryptedPrivateKey(), "signing-key:" + stored.kid()));
        assertThat(plain).startsWith("MII");
        assertThat(stored.encryptedPrivateKey()).doesNotContain(plain.substring(0, 32)).doesNotContain(plain.substring(100, 132));
    }

    /** RFC 8725 3.1 and 3.11: only RS256, typ JWT, and a kid naming one of our keys; anything else never reaches a verifier. */
    @Test
    void onlyRs256JwtsTypedJwtUnderOneOfOurKidsVerify() throws Exception {
        Node node = ring(masterKey);
        SignedJWT genuine = SignedJWT.parse(node.sign());
        JWTClaimsSet claims = genuine.getJWTClaimsSet();
        String kid = genuine.getHeader().getKeyID();
        SigningKeyRing.Keys keys = node.ring().current();

        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        hs256.sign(new MACSigner(new byte[32]));
        SignedJWT otherType = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(),
                claims);
        otherType.sign(keys.signer());
        SignedJWT untyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        untyped.sign(keys.signer());
        SignedJWT noKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        noKid.sign(keys.signer());
        String[] parts = genuine.serialize().split("\\.");
        String tampered = parts[0] + "." + new JWTClaimsSet.Builder(claims).subject("someone-else").build().toPayload().toBase64URL()
                + "." + parts[2];
        SigningKeys foreignStore = new SharedStore();
        String foreign = new KeyRingSignature(new SigningKeyRing(foreignStore, masterKey, SigningAlgorithm.RS256, OVERLAP, Duration.ofSeconds(60), clock))
                .sign(claims).serialize();

        assertThat(node.verifies(genuine.serialize())).as("control").isTrue();
        assertThat(node.signature().verify(hs256)).as("HS256").isFalse();
        assertThat(node.signature().verify(otherType)).as("typ at+jwt").isFalse();
        assertThat(node.signature().verify(untyped)).as("no typ").isFalse();
        assertThat(node.signature().verify(noKid)).as("no kid").isFalse();
        assertThat(node.verifies(tampered)).as("payload changed after signing").isFalse();
        assertThat(node.verifies(foreign)).as("signed by a key that is not ours").isFalse();
    }

    @Test
    void anEs256RingSignsWithAP256KeyAndPublishesIt() throws Exception {
        Node node = ring(masterKey, SigningAlgorithm.ES256);

        SignedJWT token = SignedJWT.parse(node.sign());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(node.verifies(token.serialize())).isTrue();
        JWK published = node.jwks().retrieveJsonWebKeys().get(0);
        assertThat(published).isInstanceOf(ECKey.class);
        assertThat(((ECKey) published).getCurve()).isEqualTo(Curve.P_256);
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(published.isPrivate()).isFalse();
        assertThat(token.verify(new ECDSAVerifier((ECKey) published))).as("verifiable by anyone with the JWKS").isTrue();
        assertThat(store.all()).singleElement().extracting(SigningKeys.StoredSigningKey::algorithm).isEqualTo("ES256");
    }

    /** A change of GATEHOUSE_JWT_ALGORITHM takes effect on restart, and no token issued before it stops verifying early. */
    @Test
    void aNodeConfiguredForAnotherAlgorithmSwitchesAndKeepsTheOldKeyForItsOverlap() throws Exception {
        Node before = ring(masterKey, SigningAlgorithm.RS256);
        String rs256 = before.sign();

        Node after = ring(masterKey, SigningAlgorithm.ES256);
        String es256 = after.sign();

        assertThat(SignedJWT.parse(es256).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(after.verifies(rs256)).as("issued before the switch, inside the overlap").isTrue();
        assertThat(after.publishedKids()).containsExactlyInAnyOrder(kidOf(rs256), kidOf(es256));
        assertThat(ring(masterKey, SigningAlgorithm.ES256).verifies(rs256)).as("a second node of the new configuration").isTrue();
        assertThat(store.all()).as("that second node did not rotate again").hasSize(2);

        clock.advance(OVERLAP.plusMinutes(1));
        assertThat(after.verifies(rs256)).as("after the overlap").isFalse();
        assertThat(after.verifies(es256)).isTrue();
    }

    /**
     * RFC 8725 2.1 and 3.1: the header's alg cannot choose how a key is used. An ES256 token naming the kid of our RSA key,
     * and an RS256 token naming the kid of our EC key, are refused even when the signature matches the algorithm named.
     */
    @Test
    void aTokenWhoseAlgorithmIsNotItsKeysIsRefused() throws Exception {
        String rsaKid = kidOf(ring(masterKey, SigningAlgorithm.RS256).sign());
        Node node = ring(masterKey, SigningAlgorithm.ES256);
        SignedJWT genuine = SignedJWT.parse(node.sign());
        String ecKid = genuine.getHeader().getKeyID();
        SigningKeyRing.Keys keys = node.ring().current();
        assertThat(keys.verifierFor(rsaKid, JWSAlgorithm.RS256, clock.instant())).as("control: the RSA key still verifies").isPresent();

        SignedJWT es256UnderRsaKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(rsaKid).type(JOSEObjectType.JWT).build(),
                genuine.getJWTClaimsSet());
        es256UnderRsaKid.sign(keys.signer());
        SignedJWT rs256UnderEcKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ecKid).type(JOSEObjectType.JWT).build(),
                genuine.getJWTClaimsSet());
        rs256UnderEcKid.sign(new com.nimbusds.jose.crypto.RSASSASigner(new RSAKeyGenerator(2048).generate()));

        assertThat(node.verifies(genuine.serialize())).as("control").isTrue();
        assertThat(node.signature().verify(es256UnderRsaKid)).as("ES256 under the RSA key's kid").isFalse();
        assertThat(node.signature().verify(rs256UnderEcKid)).as("RS256 under the EC key's kid").isFalse();
        assertThatThrownBy(() -> SigningAlgorithm.named("HS256")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RS256").hasMessageContaining("ES256");
    }

    /** The parser hands back a token's verified parse only for that exact text; everything else is parsed (and checked) afresh. */
    @Test
    void theParserRemembersOnlyTokensTheRingVerified() throws Exception {
        Node node = ring(masterKey);
        RememberingJwtParser parser = new RememberingJwtParser(node.ring());
        String token = node.sign();
        SignedJWT verified = SignedJWT.parse(token);

        assertThat(parser.parse(token)).get().isNotSameAs(verified);
        assertThat(node.signature().verify(verified)).isTrue();
        assertThat(parser.parse(token)).get().isSameAs(verified);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        assertThat(parser.parse(otherSignature)).get().isNotSameAs(verified);
        assertThat(node.verifies(otherSignature)).isFalse();
        assertThat(parser.parse("not a token")).isEmpty();
        assertThat(parser.parseClaims(token)).get().extracting(claims -> claims.get("sub")).isEqualTo(verified.getJWTClaimsSet().getSubject());
    }

    @Test
    void afterRotationTheOldKeyVerifiesUntilTheOverlapEndsThenDisappears() {
        Node ring = ring(masterKey);
        String signedWithOldKey = ring.sign();

        String newKid = ring.rotate();
        clock.advance(OVERLAP.minusMinutes(1));

        assertThat(ring.verifies(signedWithOldKey)).as("inside the overlap").isTrue();
        assertThat(ring.publishedKids()).containsExactlyInAnyOrder(newKid, kidOf(signedWithOldKey));

        clock.advance(Duration.ofMinutes(2));
        assertThat(ring.verifies(signedWithOldKey)).as("after the overlap").isFalse();
        assertThat(ring.publishedKids()).containsExactly(newKid);
        assertThat(kidOf(ring.sign())).isEqualTo(newKid);
    }

    @Test
    void maintenanceRotatesAKeyOlderThanTheIntervalAndForgetsKeysLongPastTheirOverlap() {
        Node ring = ring(masterKey);
        String firstKid = kidOf(ring.sign());

        ring.ring().maintain(Duration.ofDays(30));
        assertThat(store.all()).as("young key: nothing to do").hasSize(1);

        clock.advance(Duration.ofDays(31));
        ring.ring().maintain(Duration.ofDays(30));
        assertThat(store.all()).hasSize(2);
        assertThat(kidOf(ring.sign())).isNotEqualTo(firstKid);

        clock.advance(OVERLAP.plus(Duration.ofDays(1)).plusMinutes(1));
        ring.ring().maintain(Duration.ofDays(30));
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
        Node nodeA = ring(masterKey);
        Node nodeB = ring(masterKey);
        nodeB.verifies(nodeA.sign());

        nodeA.rotate();
        clock.advance(Duration.ofSeconds(10));
        String fromA = nodeA.sign();

        assertThat(nodeB.verifies(fromA)).isTrue();
        assertThat(nodeB.publishedKids()).hasSize(2);
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStartSigning() {
        ring(masterKey).sign();
        Node wrongKey = ring(MasterKey.fromBase64(randomKey(), new SecureRandom()));

        assertThatThrownBy(() -> wrongKey.sign()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEHOUSE_MASTER_KEY");
    }

    @Test
    void masterKeyCiphertextIsBoundToItsRecord() {
        String sealed = masterKey.encrypt(new byte[] {1, 2, 3}, "signing-key:a");

        assertThat(masterKey.decrypt(sealed, "signing-key:a")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> masterKey.decrypt(sealed, "signing-key:b")).isInstanceOf(IllegalStateException.class);
    }

    /** One node's view: the ring and the two framework extension points over it. */
    private record Node(SigningKeyRing ring, KeyRingSignature signature, KeyRingJwkProvider jwks) {
        String sign() {
            try {
                return signature.sign(new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).jwtID(UUID.randomUUID().toString())
                        .build()).serialize();
            } catch (JOSEException e) {
                throw new AssertionError(e);
            }
        }

        boolean verifies(String token) {
            try {
                return signature.verify(SignedJWT.parse(token));
            } catch (JOSEException | ParseException e) {
                throw new AssertionError(e);
            }
        }

        String rotate() {
            return ring.rotate();
        }

        List<String> publishedKids() {
            return jwks.retrieveJsonWebKeys().stream().map(JWK::getKeyID).toList();
        }
    }

    private Node ring(MasterKey key) {
        return ring(key, SigningAlgorithm.RS256);
    }

    private Node ring(MasterKey key, SigningAlgorithm algorithm) {
        SigningKeyRing ring = new SigningKeyRing(store, key, algorithm, OVERLAP, Duration.ofSeconds(60), clock);
        return new Node(ring, new KeyRingSignature(ring), new KeyRingJwkProvider(ring));
    }

    private static String kidOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
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
