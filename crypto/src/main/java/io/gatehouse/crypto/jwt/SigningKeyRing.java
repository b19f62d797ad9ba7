package io.gatehouse.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.crypto.MasterKey;
import io.gatehouse.domain.port.out.SigningKeyRotation;
import io.gatehouse.domain.port.out.SigningKeys;
import io.gatehouse.domain.port.out.SigningKeys.StoredSigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
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
 * The signing keys every node shares through the database: generation (private parts sealed under
 * the master key), rotation with an overlap, and a snapshot of them that follows a rotation made on
 * another node. Each key has one {@link SigningAlgorithm} (RS256 by default, ES256 when configured).
 * The newest unretired key signs; retired keys still verify, and stay published, for an overlap that
 * must exceed the access-token lifetime, then disappear. A node configured with another algorithm
 * than the current key's rotates to a key of its algorithm on its first load, so a change of
 * {@code GATEHOUSE_JWT_ALGORITHM} takes effect on restart without invalidating a token already issued.
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

    /** A kid found absent is not looked for again this soon (a flood of made-up kids costs one reload each, then nothing). */
    private static final Duration UNKNOWN_KID_RELOAD_BACKOFF = Duration.ofSeconds(5);
    private static final int ABSENT_KID_LIMIT = 10_000;
    private static final int VERIFIED_CACHE_LIMIT = 10_000;

    private final Map<String, Instant> absentKids = new ConcurrentHashMap<>();
    private final SigningKeys store;
    private final MasterKey masterKey;
    private final SigningAlgorithm algorithm;
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
    public record Keys(String signingKid, JWSAlgorithm signingAlgorithm, JWSSigner signer, Map<String, VerificationKey> verification,
                       List<JWK> published, Instant loadedAt, Map<String, SignedJWT> verified) {

        /**
         * The key that verifies tokens signed under {@code kid} with {@code algorithm} at {@code now}: one of ours, inside its
         * overlap, and of that very algorithm (RFC 8725 3.1: a header cannot make a key serve another algorithm).
         */
        public Optional<JWSVerifier> verifierFor(String kid, JWSAlgorithm algorithm, Instant now) {
            VerificationKey key = verification.get(kid);
            return key == null || !key.algorithm().equals(algorithm) || !key.usableAt(now) ? Optional.empty() : Optional.of(key.verifier());
        }

        /** Whether {@code kid} names a key that still verifies at {@code now}. */
        public boolean isUsable(String kid, Instant now) {
            VerificationKey key = verification.get(kid);
            return key != null && key.usableAt(now);
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
    public record VerificationKey(JWSVerifier verifier, JWSAlgorithm algorithm, Instant usableUntil) {
        boolean usableAt(Instant now) {
            return usableUntil == null || now.isBefore(usableUntil);
        }
    }

    public SigningKeyRing(SigningKeys store, MasterKey masterKey, SigningAlgorithm algorithm, Duration overlap, Duration reloadInterval,
                          Clock clock) {
        this.store = store;
        this.masterKey = masterKey;
        this.algorithm = algorithm;
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
        Optional<StoredSigningKey> active = stored.stream().filter(key -> key.retiredAt() == null).findFirst();
        if (active.isEmpty()) {
            generateAndStore();
            stored = store.all();
        } else if (snapshot == null && !active.get().algorithm().equals(algorithm.name())) {
            // First load on this node, configured for another algorithm: switch, keeping the old key for its overlap.
            store.retireAllExcept(generateAndStore(), now);
            stored = store.all();
        }
        StoredSigningKey signing = null;
        List<JWK> published = new ArrayList<>();
        Map<String, VerificationKey> verification = new HashMap<>();
        try {
            for (StoredSigningKey key : stored) {
                boolean current = key.retiredAt() == null;
                Instant usableUntil = current ? null : key.retiredAt().plus(overlap);
                if (usableUntil != null && !now.isBefore(usableUntil)) {
                    continue;
                }
                SigningAlgorithm keyAlgorithm = SigningAlgorithm.named(key.algorithm());
                PublicKey publicKey = keyAlgorithm.publicKey(Base64.getDecoder().decode(key.publicKey()));
                // Built once per load: a key derived from its JWK form on every request costs more than the signature check.
                verification.put(key.kid(), new VerificationKey(keyAlgorithm.verifier(publicKey), keyAlgorithm.jws(), usableUntil));
                published.add(keyAlgorithm.publicJwk(publicKey, key.kid()));
                if (current && signing == null) {
                    signing = key;
                }
            }
            SigningAlgorithm signingAlgorithm = SigningAlgorithm.named(signing.algorithm());
            // Built once per load, like the verifiers.
            JWSSigner signer = signingAlgorithm.signer(signingAlgorithm.privateKey(
                    masterKey.decrypt(signing.encryptedPrivateKey(), "signing-key:" + signing.kid())));
            return new Keys(signing.kid(), signingAlgorithm.jws(), signer, Map.copyOf(verification), List.copyOf(published), now,
                    new ConcurrentHashMap<>());
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }

    private String generateAndStore() {
        try {
            KeyPair pair = algorithm.generate();
            String kid = algorithm.thumbprint(pair.getPublic());
            store.insert(new StoredSigningKey(kid, algorithm.name(),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    masterKey.encrypt(pair.getPrivate().getEncoded(), "signing-key:" + kid),
                    clock.instant(), null));
            return kid;
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " signing key", e);
        }
    }
}
