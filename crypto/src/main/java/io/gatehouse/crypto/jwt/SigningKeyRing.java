package io.gatehouse.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.crypto.MasterKey;
import io.gatehouse.domain.port.out.SigningKeyRotation;
import io.gatehouse.domain.port.out.SigningKeys;
import io.gatehouse.domain.port.out.SigningKeys.StoredSigningKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RS256 signing keys every node shares through the database: generation (private parts sealed
 * under the master key), rotation with an overlap, and a snapshot of them that follows a rotation
 * made on another node. RS256 because verification, which happens on every request, is far cheaper
 * than ECDSA's. The newest unretired key signs; retired keys still verify, and stay published, for an
 * overlap that must exceed the access-token lifetime, then disappear.
 *
 * <p>This is the part micronaut-security-jwt cannot do: its RSA configurations hold one fixed key
 * from configuration, and its JWKS signature fetches keys over HTTP. {@link KeyRingSignature} and
 * {@link KeyRingJwkProvider} expose this ring as the framework's signing, verification and JWKS
 * extension points.
 *
 * <p>Keys are loaded lazily, reloaded when older than {@code reloadInterval}, and at once when a
 * token names an unknown kid, so a token signed with a key another node just created verifies here,
 * and this node's JWKS and signing key follow a rotation elsewhere within the interval.
 */
public final class SigningKeyRing implements SigningKeyRotation {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    private static final int RSA_BITS = 2048;
    /** A kid found absent is not looked for again this soon (a flood of made-up kids costs one reload each, then nothing). */
    private static final Duration UNKNOWN_KID_RELOAD_BACKOFF = Duration.ofSeconds(5);
    private static final int ABSENT_KID_LIMIT = 10_000;
    private static final int VERIFIED_CACHE_LIMIT = 10_000;

    private final Map<String, Instant> absentKids = new ConcurrentHashMap<>();
    private final SigningKeys store;
    private final MasterKey masterKey;
    private final Duration overlap;
    private final Duration reloadInterval;
    private final Clock clock;
    private volatile Keys snapshot;

    /**
     * The keys as of one load. {@code verified} remembers, by their exact text, tokens whose signature a
     * key of this snapshot already checked, parsed: a token string never changes meaning, so neither
     * the parse nor the RSA operation need be repeated on the next request that presents it. Bounded,
     * and it dies with the snapshot. Lifetime and revocation are not cached here: the claim validators
     * check them on every request.
     */
    public record Keys(String signingKid, RSASSASigner signer, Map<String, VerificationKey> verification, List<JWK> published,
                       Instant loadedAt, Map<String, SignedJWT> verified) {

        /** The key that verifies tokens signed under {@code kid} at {@code now}, if it is ours and inside its overlap. */
        public Optional<RSASSAVerifier> verifierFor(String kid, Instant now) {
            VerificationKey key = verification.get(kid);
            return key == null || !key.usableAt(now) ? Optional.empty() : Optional.of(key.verifier());
        }

        /** Remembers a token whose signature verified; forgets them all rather than grow past the bound. */
        public void rememberVerified(String token, SignedJWT jwt) {
            if (verified.size() >= VERIFIED_CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
    }

    /**
     * {@code usableUntil} is null for the current key; a retired key verifies until its overlap ends,
     * checked at each use so that it stops on time and not at the next reload.
     */
    public record VerificationKey(RSASSAVerifier verifier, Instant usableUntil) {
        boolean usableAt(Instant now) {
            return usableUntil == null || now.isBefore(usableUntil);
        }
    }

    public SigningKeyRing(SigningKeys store, MasterKey masterKey, Duration overlap, Duration reloadInterval, Clock clock) {
        this.store = store;
        this.masterKey = masterKey;
        this.overlap = overlap;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
    }

    /** The current snapshot, reloaded first when it is older than the reload interval (a database read). */
    public Keys current() {
        Keys keys = snapshot;
        if (keys == null || isStale(keys)) {
            synchronized (this) {
                keys = snapshot;
                if (keys == null || isStale(keys)) {
                    keys = load();
                    snapshot = keys;
                }
            }
        }
        return keys;
    }

    /**
     * A snapshot that knows {@code kid} if the database does. A token names a kid this snapshot does
     * not know: another node may have rotated a moment ago, so look in the database now rather than at
     * the next periodic reload (a fixed back-off here would reject a fresh node's tokens for its
     * duration). Kids found absent are remembered briefly.
     */
    public Keys knowing(String kid) {
        Keys seen = current();
        if (seen.verification().containsKey(kid)) {
            return seen;
        }
        Instant now = clock.instant();
        Instant checked = absentKids.get(kid);
        if (checked != null && checked.plus(UNKNOWN_KID_RELOAD_BACKOFF).isAfter(now)) {
            return seen;
        }
        synchronized (this) {
            if (snapshot != seen && snapshot.verification().containsKey(kid)) {
                return snapshot;
            }
            snapshot = load();
            if (!snapshot.verification().containsKey(kid)) {
                if (absentKids.size() >= ABSENT_KID_LIMIT) {
                    absentKids.clear();
                }
                absentKids.put(kid, now);
            }
            return snapshot;
        }
    }

    /** Reloads now; for a periodic job, so that the JWKS, which never waits on the database, follows rotations elsewhere. */
    public synchronized void reload() {
        snapshot = load();
    }

    /** The last loaded snapshot without waiting on the database, or a load if there has never been one. */
    public Keys loaded() {
        Keys keys = snapshot;
        return keys != null ? keys : current();
    }

    public Clock clock() {
        return clock;
    }

    /** Makes a new signing key current; the previous ones verify for the overlap. Returns the new kid. */
    @Override
    public synchronized String rotate() {
        String kid = generateAndStore();
        store.retireAllExcept(kid, clock.instant());
        snapshot = load();
        return kid;
    }

    /** Rotates when the current key is older than {@code maxAge}, and forgets keys long past their overlap. */
    public synchronized void maintain(Duration maxAge) {
        Instant now = clock.instant();
        Optional<StoredSigningKey> newest = store.all().stream().filter(key -> key.retiredAt() == null).findFirst();
        if (newest.isPresent() && newest.get().createdAt().plus(maxAge).isBefore(now)) {
            rotate();
        }
        store.deleteRetiredBefore(now.minus(overlap).minus(Duration.ofDays(1)));
    }

    private boolean isStale(Keys keys) {
        return keys.loadedAt().plus(reloadInterval).isBefore(clock.instant());
    }

    private Keys load() {
        Instant now = clock.instant();
        List<StoredSigningKey> stored = store.all();
        if (stored.stream().noneMatch(key -> key.retiredAt() == null)) {
            generateAndStore();
            stored = store.all();
        }
        StoredSigningKey signing = null;
        RSAPublicKey signingPublicKey = null;
        List<JWK> published = new ArrayList<>();
        Map<String, VerificationKey> verification = new HashMap<>();
        for (StoredSigningKey key : stored) {
            boolean active = key.retiredAt() == null;
            Instant usableUntil = active ? null : key.retiredAt().plus(overlap);
            if (usableUntil != null && !now.isBefore(usableUntil)) {
                continue;
            }
            RSAPublicKey publicKey = publicKey(key);
            // Built once per load: an RSAPublicKey derived from its JWK form on every request costs more than the signature check.
            verification.put(key.kid(), new VerificationKey(new RSASSAVerifier(publicKey), usableUntil));
            published.add(new RSAKey.Builder(publicKey).keyID(key.kid()).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM).build());
            if (active && signing == null) {
                signing = key;
                signingPublicKey = publicKey;
            }
        }
        try {
            // Built once per load: constructing a signer re-derives the CRT private key each time.
            RSASSASigner signer = new RSASSASigner(new RSAKey.Builder(signingPublicKey).privateKey(privateKey(signing)).build());
            return new Keys(signing.kid(), signer, Map.copyOf(verification), List.copyOf(published), now, new ConcurrentHashMap<>());
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key is not a usable RSA private key", e);
        }
    }

    private String generateAndStore() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            // RFC 7638 thumbprint: the kid names the key itself, so two nodes never give one kid to different keys.
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
            store.insert(new StoredSigningKey(kid, ALGORITHM.getName(),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    masterKey.encrypt(pair.getPrivate().getEncoded(), "signing-key:" + kid),
                    clock.instant(), null));
            return kid;
        } catch (java.security.GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static RSAPublicKey publicKey(StoredSigningKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("stored public key " + key.kid() + " is unreadable", e);
        }
    }

    private RSAPrivateKey privateKey(StoredSigningKey key) {
        try {
            byte[] pkcs8 = masterKey.decrypt(key.encryptedPrivateKey(), "signing-key:" + key.kid());
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("stored private key " + key.kid() + " is unreadable", e);
        }
    }
}
