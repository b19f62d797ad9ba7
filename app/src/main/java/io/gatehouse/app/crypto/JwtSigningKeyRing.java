package io.gatehouse.app.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.PublicSigningKey;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.AccessTokenCodec;
import io.gatehouse.domain.port.out.SigningKeyRotation;
import io.gatehouse.domain.port.out.SigningKeys;
import io.gatehouse.domain.port.out.SigningKeys.StoredSigningKey;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RS256 access tokens (RFC 7515/7518) signed with keys kept in the database, so every node signs
 * and verifies with the same set. RS256 because verification, which happens on every request, is
 * far cheaper than ECDSA's. The newest unretired key signs; retired keys still verify, and stay in
 * the JWKS, for an overlap that must exceed the access-token lifetime, then disappear.
 *
 * <p>Verification is Nimbus's {@link DefaultJWTProcessor}: only RS256 is accepted (so {@code alg:
 * none} and HS256-with-the-public-key confusion fail), the key is chosen by {@code kid} among our
 * own keys only, {@code typ} must be JWT, and {@code iss}, {@code aud}, {@code exp} are enforced
 * with a small clock skew. Keys are loaded lazily, reloaded periodically ({@code GATEHOUSE_JWT_KEY_RELOAD_INTERVAL})
 * and at once on an unknown kid, so a token signed with a key another node just created verifies
 * here, and this node's JWKS and signing key follow a rotation elsewhere within the interval.
 */
public final class JwtSigningKeyRing implements AccessTokenCodec, SigningKeyRotation {

    static final String ALGORITHM = "RS256";
    private static final int RSA_BITS = 2048;
    /** A kid found absent is not looked for again this soon (a flood of made-up kids costs one reload each, then nothing). */
    private static final Duration UNKNOWN_KID_RELOAD_BACKOFF = Duration.ofSeconds(5);
    private static final int ABSENT_KID_LIMIT = 10_000;
    private final Map<String, Instant> absentKids = new ConcurrentHashMap<>();
    private final Duration reloadInterval;

    private final SigningKeys store;
    private final MasterKey masterKey;
    private final TokenPolicy policy;
    private final Duration overlap;
    private final Duration clockSkew;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /**
     * The keys as of one load, with a processor over exactly the verification keys, and the tokens
     * this snapshot has already verified. Caching the outcome of the signature check is safe because
     * a token string never changes meaning: expiry is re-checked on every hit, the cache is bounded,
     * and it dies with the snapshot (at the latest a minute later) so a retired key's tokens stop
     * verifying on time. Revocation is not cached here: callers check the family on every request.
     */
    private record Snapshot(RSAKey signer, RSASSASigner rsaSigner, JWKSet published, DefaultJWTProcessor<SecurityContext> processor, Instant loadedAt,
                            Map<String, AccessTokenClaims> verified) {
    }

    private static final int VERIFIED_CACHE_LIMIT = 10_000;

    public JwtSigningKeyRing(SigningKeys store, MasterKey masterKey, TokenPolicy policy, Duration overlap, Duration clockSkew,
                             Duration reloadInterval, Clock clock) {
        this.reloadInterval = reloadInterval;
        this.store = store;
        this.masterKey = masterKey;
        this.policy = policy;
        this.overlap = overlap;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        Snapshot keys = current();
        RSAKey signer = keys.signer();
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject().toString())
                .audience(claims.audience())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .claim("sid", claims.sessionId().toString())
                .claim("amr", claims.authenticationMethods())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).type(JOSEObjectType.JWT).build(), body);
        try {
            jwt.sign(keys.rsaSigner());
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        AccessTokenClaims cached = current().verified().get(token);
        if (cached != null) {
            return clock.instant().isBefore(cached.expiresAt().plus(clockSkew)) ? Optional.of(cached) : Optional.empty();
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
        Snapshot keys = current();
        String kid = jwt.getHeader().getKeyID();
        if (kid != null && keys.published().getKeyByKeyId(kid) == null) {
            keys = reloadForUnknownKid(keys, kid);
        }
        try {
            AccessTokenClaims claims = toClaims(keys.processor().process(jwt, null));
            if (keys.verified().size() >= VERIFIED_CACHE_LIMIT) {
                keys.verified().clear();
            }
            keys.verified().put(token, claims);
            return Optional.of(claims);
        } catch (BadJOSEException | JOSEException | RuntimeException | ParseException rejected) {
            return Optional.empty();
        }
    }

    @Override
    public List<PublicSigningKey> publishedKeys() {
        return current().published().getKeys().stream()
                .map(jwk -> (RSAKey) jwk)
                .map(rsa -> new PublicSigningKey(rsa.getKeyID(), ALGORITHM, rsa.getModulus().toString(), rsa.getPublicExponent().toString()))
                .toList();
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

    private Snapshot current() {
        Snapshot keys = snapshot;
        if (keys == null || keys.loadedAt().plus(reloadInterval).isBefore(clock.instant())) {
            synchronized (this) {
                keys = snapshot;
                if (keys == null || keys.loadedAt().plus(reloadInterval).isBefore(clock.instant())) {
                    keys = load();
                    snapshot = keys;
                }
            }
        }
        return keys;
    }

    /**
     * A token names a kid this snapshot does not know: another node may have rotated a moment ago,
     * so look in the database now rather than at the next periodic reload (a fixed back-off here
     * would reject a fresh node's tokens for its duration). Kids found absent are remembered briefly.
     */
    private Snapshot reloadForUnknownKid(Snapshot seen, String kid) {
        Instant now = clock.instant();
        Instant checked = absentKids.get(kid);
        if (checked != null && checked.plus(UNKNOWN_KID_RELOAD_BACKOFF).isAfter(now)) {
            return seen;
        }
        synchronized (this) {
            if (snapshot != seen && snapshot.published().getKeyByKeyId(kid) != null) {
                return snapshot;
            }
            snapshot = load();
            if (snapshot.published().getKeyByKeyId(kid) == null) {
                if (absentKids.size() >= ABSENT_KID_LIMIT) {
                    absentKids.clear();
                }
                absentKids.put(kid, now);
            }
            return snapshot;
        }
    }

    private Snapshot load() {
        Instant now = clock.instant();
        List<StoredSigningKey> stored = store.all();
        if (stored.stream().noneMatch(key -> key.retiredAt() == null)) {
            generateAndStore();
            stored = store.all();
        }
        RSAKey signer = null;
        List<com.nimbusds.jose.jwk.JWK> published = new ArrayList<>();
        Map<String, RSAPublicKey> verificationKeys = new HashMap<>();
        for (StoredSigningKey key : stored) {
            boolean active = key.retiredAt() == null;
            if (!active && key.retiredAt().plus(overlap).isBefore(now)) {
                continue;
            }
            RSAPublicKey publicKey = publicKey(key);
            verificationKeys.put(key.kid(), publicKey);
            published.add(new RSAKey.Builder(publicKey).keyID(key.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build());
            if (active && signer == null) {
                signer = new RSAKey.Builder(publicKey).privateKey(privateKey(key)).keyID(key.kid()).build();
            }
        }
        JWKSet jwks = new JWKSet(published);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new Rs256KeysByKid(verificationKeys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(policy.audience(),
                new JWTClaimsSet.Builder().issuer(policy.issuer()).build(), Set.of("sub", "exp", "iat", "jti", "sid"));
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        try {
            // Built once per load: constructing a signer re-derives the CRT private key from its JWK form.
            return new Snapshot(signer, new RSASSASigner(signer), jwks, processor, now, new ConcurrentHashMap<>());
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key is not a usable RSA private key", e);
        }
    }

    /**
     * Selects the verification key by {@code kid} among our own keys, for RS256 only: any other
     * {@code alg} (none, HS256, ...) gets no key and fails. The {@link RSAPublicKey} objects are
     * built once per load; deriving them from the JWK on every request (as a JWK-set selector does)
     * decodes the modulus each time and cost more than the signature check itself.
     */
    private record Rs256KeysByKid(Map<String, RSAPublicKey> keys) implements JWSKeySelector<SecurityContext> {
        @Override
        public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) {
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return List.of();
            }
            RSAPublicKey key = keys.get(header.getKeyID());
            return key == null ? List.of() : List.of(key);
        }
    }

    private String generateAndStore() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
            store.insert(new StoredSigningKey(kid, ALGORITHM,
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

    private static AccessTokenClaims toClaims(JWTClaimsSet claims) throws ParseException {
        List<String> amr = claims.getStringListClaim("amr");
        return new AccessTokenClaims(claims.getIssuer(), claims.getAudience().get(0),
                new UserId(UUID.fromString(claims.getSubject())), new SessionId(UUID.fromString(claims.getStringClaim("sid"))),
                amr == null ? List.of() : amr, claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(),
                claims.getJWTID());
    }
}
