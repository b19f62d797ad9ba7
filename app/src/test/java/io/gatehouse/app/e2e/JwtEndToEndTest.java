package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.AccessTokenSigner;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtEndToEndTest {

    private static final String ADMIN = "keys-admin@example.com";
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "gatehouse.bootstrap-admin-email", ADMIN,
            "gatehouse.bootstrap-admin-password", PASSWORD));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void passwordGrantIssuesTokensThatAuthenticateRequests() {
        gatehouse.signUp("jwt@example.com");

        var pair = obtain("jwt@example.com");

        assertThat(pair).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
        assertThat((String) pair.get("refresh")).startsWith("gh_rt_");
        bearer("/api/v1/me", (String) pair.get("access")).expect(200);
        var verified = gatehouse.postJson("/api/v1/auth/jwt/verify", "{\"token\":\"" + pair.get("access") + "\"}").expect(200).json();
        assertThat(verified).containsEntry("valid", true).containsKeys("sub", "exp");
    }

    @Test
    void accessTokenVerifiesWithAnIndependentJoseLibraryAgainstThePublishedJwks() throws Exception {
        String userId = (String) ((Map<?, ?>) gatehouse.signUp("independent@example.com").json().get("user")).get("id");
        String access = (String) obtain("independent@example.com").get("access");

        JWKSet jwks = JWKSet.parse(gatehouse.get("/.well-known/jwks.json").expect(200).body());
        SignedJWT jwt = SignedJWT.parse(access);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).as("the JWKS never publishes private parts").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TestGatehouse.ORIGIN);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getAudience()).containsExactly("gatehouse");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringListClaim("amr")).containsExactly("password");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    /** GATEHOUSE_JWT_ALGORITHM=ES256: tokens signed with a P-256 key the JWKS publishes, honoured like RS256 ones. */
    @Test
    void es256IsTheConfigurableAlternative() throws Exception {
        try (TestGatehouse es256 = TestGatehouse.start(Map.of("gatehouse.jwt.algorithm", "ES256"))) {
            es256.signUp("elliptic@example.com");
            var pair = es256.postJson("/api/v1/auth/jwt", "{\"username\":\"elliptic@example.com\",\"password\":\"" + PASSWORD + "\"}")
                    .expect(201).json();
            SignedJWT jwt = SignedJWT.parse((String) pair.get("access"));
            ECKey key = (ECKey) JWKSet.parse(es256.get("/.well-known/jwks.json").expect(200).body()).getKeyByKeyId(jwt.getHeader().getKeyID());

            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(key.getCurve()).isEqualTo(Curve.P_256);
            assertThat(key.isPrivate()).isFalse();
            assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
            es256.get("/api/v1/me", "Authorization", "Bearer " + pair.get("access")).expect(200);
            String rotated = (String) es256.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + pair.get("refresh") + "\"}")
                    .expect(201).json().get("access");
            es256.get("/api/v1/me", "Authorization", "Bearer " + rotated).expect(200);
            // A signature made by another P-256 key under the published kid is refused.
            SignedJWT forged = new SignedJWT(jwt.getHeader(), jwt.getJWTClaimsSet());
            forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
            es256.get("/api/v1/me", "Authorization", "Bearer " + forged.serialize()).problem(401, "unauthenticated");
        }
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() throws Exception {
        gatehouse.signUp("none@example.com");
        SignedJWT genuine = SignedJWT.parse((String) obtain("none@example.com").get("access"));

        String forged = new PlainJWT(genuine.getJWTClaimsSet()).serialize();

        assertRejected(forged);
    }

    @Test
    void hs256TokenKeyedWithThePublicKeyIsRejected() throws Exception {
        gatehouse.signUp("confusion@example.com");
        SignedJWT genuine = SignedJWT.parse((String) obtain("confusion@example.com").get("access"));
        RSAKey published = (RSAKey) JWKSet.parse(gatehouse.get("/.well-known/jwks.json").body()).getKeys().get(0);

        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));

        assertRejected(forged.serialize());
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        gatehouse.signUp("tamper@example.com");
        String victim = (String) ((Map<?, ?>) gatehouse.signUp("tamper-victim@example.com").json().get("user")).get("id");
        String access = (String) obtain("tamper@example.com").get("access");
        String[] parts = access.split("\\.");
        JWTClaimsSet original = JWTClaimsSet.parse(Base64URL.from(parts[1]).decodeToString());
        JWTClaimsSet changed = new JWTClaimsSet.Builder(original).subject(victim).build();

        String forged = parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];

        assertRejected(forged);
    }

    @Test
    void tokensWithAWrongAudienceOrIssuerAreRejectedEvenWhenProperlySigned() {
        String userId = (String) ((Map<?, ?>) gatehouse.signUp("audience@example.com").json().get("user")).get("id");
        obtain("audience@example.com");
        String sid = (String) gatehouse.get("/api/v1/me/sessions", "Authorization", "Bearer " + obtain("audience@example.com").get("access"))
                .expect(200).jsonList().get(0).get("id");
        AccessTokenSigner ring = gatehouse.context().getBean(AccessTokenSigner.class);
        Instant now = Instant.now();

        String wrongAudience = ring.sign(new AccessTokenClaims(TestGatehouse.ORIGIN, "another-service", new UserId(UUID.fromString(userId)),
                new SessionId(UUID.fromString(sid)), List.of("password"), now, now.plusSeconds(600), UUID.randomUUID().toString()));
        String wrongIssuer = ring.sign(new AccessTokenClaims("https://evil.example", "gatehouse", new UserId(UUID.fromString(userId)),
                new SessionId(UUID.fromString(sid)), List.of("password"), now, now.plusSeconds(600), UUID.randomUUID().toString()));
        String expired = ring.sign(new AccessTokenClaims(TestGatehouse.ORIGIN, "gatehouse", new UserId(UUID.fromString(userId)),
                new SessionId(UUID.fromString(sid)), List.of("password"), now.minusSeconds(3600), now.minusSeconds(600),
                UUID.randomUUID().toString()));
        String control = ring.sign(new AccessTokenClaims(TestGatehouse.ORIGIN, "gatehouse", new UserId(UUID.fromString(userId)),
                new SessionId(UUID.fromString(sid)), List.of("password"), now, now.plusSeconds(600), UUID.randomUUID().toString()));

        assertRejected(wrongAudience);
        assertRejected(wrongIssuer);
        assertRejected(expired);
        bearer("/api/v1/me", control).expect(200);
    }

    /**
     * Tokens signed with Gatehouse's own current key that the framework's stock validators would let
     * through: an issuer the expected one merely ends with, an empty issuer, no {@code exp}. Also a token
     * whose {@code sid} is another user's live session, and tokens without {@code sid}.
     */
    @Test
    void ownKeySignedTokensWithLooseIssuerMissingExpiryOrForeignFamilyAreRejected() throws Exception {
        String userId = (String) ((Map<?, ?>) gatehouse.signUp("loose@example.com").json().get("user")).get("id");
        String sid = SignedJWT.parse((String) obtain("loose@example.com").get("access")).getJWTClaimsSet().getStringClaim("sid");
        gatehouse.signUp("loose-other@example.com");
        String othersSid = SignedJWT.parse((String) obtain("loose-other@example.com").get("access")).getJWTClaimsSet().getStringClaim("sid");
        SignatureGeneratorConfiguration keys = gatehouse.context().getBean(SignatureGeneratorConfiguration.class, Qualifiers.byName("generator"));
        Date now = new Date();
        Date later = new Date(now.getTime() + 600_000);
        JWTClaimsSet genuine = new JWTClaimsSet.Builder().issuer(TestGatehouse.ORIGIN).audience("gatehouse").subject(userId)
                .issueTime(now).expirationTime(later).jwtID(UUID.randomUUID().toString()).claim("sid", sid).claim("amr", List.of("password"))
                .build();
        String hostAndPort = TestGatehouse.ORIGIN.substring(TestGatehouse.ORIGIN.indexOf("//") + 2);

        bearer("/api/v1/me", keys.sign(genuine).serialize()).expect(200);
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).issuer(hostAndPort).build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).issuer("").build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).issuer(null).build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).expirationTime(null).build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).notBeforeTime(later).build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).claim("sid", othersSid).build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).claim("sid", null).build()).serialize());
        assertRejected(keys.sign(new JWTClaimsSet.Builder(genuine).claim("sid", "not-a-uuid").build()).serialize());
    }

    /** GATEHOUSE_JWT_CLOCK_SKEW (30 s): a token another node minted with its clock a little ahead still counts, and no more. */
    @Test
    void expiryToleratesTheConfiguredClockSkewAndNoMore() throws Exception {
        String userId = (String) ((Map<?, ?>) gatehouse.signUp("skew@example.com").json().get("user")).get("id");
        String sid = SignedJWT.parse((String) obtain("skew@example.com").get("access")).getJWTClaimsSet().getStringClaim("sid");
        AccessTokenSigner signer = gatehouse.context().getBean(AccessTokenSigner.class);
        Instant now = Instant.now();

        String justExpired = signer.sign(new AccessTokenClaims(TestGatehouse.ORIGIN, "gatehouse", new UserId(UUID.fromString(userId)),
                new SessionId(UUID.fromString(sid)), List.of("password"), now.minusSeconds(900), now.minusSeconds(5), UUID.randomUUID().toString()));
        String expiredBeyondSkew = signer.sign(new AccessTokenClaims(TestGatehouse.ORIGIN, "gatehouse", new UserId(UUID.fromString(userId)),
                new SessionId(UUID.fromString(sid)), List.of("password"), now.minusSeconds(900), now.minusSeconds(60), UUID.randomUUID().toString()));

        bearer("/api/v1/me", justExpired).expect(200);
        assertRejected(expiredBeyondSkew);
    }

    /** Access JWTs are bearer tokens only: micronaut-security's cookie token reader stays off (no cookie-borne JWT, no CSRF surface). */
    @Test
    void anAccessTokenInACookieAuthenticatesNothingAndTheJwksIsCacheable() {
        gatehouse.signUp("cookie-jwt@example.com");
        String access = (String) obtain("cookie-jwt@example.com").get("access");

        gatehouse.get("/api/v1/me", "Cookie", "JWT=" + access).problem(401, "unauthenticated");
        assertThat(gatehouse.get("/.well-known/jwks.json").expect(200).header("Cache-Control")).isEqualTo("public, max-age=300");
    }

    /** The host micronaut-security records for each validated token is the configured public URL, never the request's Host. */
    @Test
    void theServersOwnHostComesFromConfigurationNotFromRequestHeaders() {
        var resolver = gatehouse.context().getBean(io.micronaut.http.server.util.HttpHostResolver.class);

        assertThat(resolver.resolve(io.micronaut.http.HttpRequest.GET("/api/v1/me").header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example"))).isEqualTo(TestGatehouse.ORIGIN);
    }

    @Test
    void refreshRotatesAndReplayingAUsedRefreshTokenRevokesTheFamily() {
        gatehouse.signUp("rotate@example.com");
        var first = obtain("rotate@example.com");

        var second = gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + first.get("refresh") + "\"}").expect(201).json();
        assertThat(second.get("refresh")).isNotEqualTo(first.get("refresh"));
        bearer("/api/v1/me", (String) second.get("access")).expect(200);

        gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + first.get("refresh") + "\"}").problem(401, "invalid_token");

        bearer("/api/v1/me", (String) second.get("access")).problem(401, "unauthenticated");
        gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + second.get("refresh") + "\"}").problem(401, "invalid_token");
        gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"gh_rt_made-up\"}").problem(401, "invalid_token");
    }

    @Test
    void logoutEverywhereAndPasswordChangeRevokeTokenFamilies() {
        gatehouse.signUp("revoke@example.com");
        String access = (String) obtain("revoke@example.com").get("access");
        String cookie = gatehouse.login("revoke@example.com");

        gatehouse.request("POST", "/api/v1/auth/logout?all=true").session(cookie).send().expect(204);
        assertRejected(access);

        String again = (String) obtain("revoke@example.com").get("access");
        String current = gatehouse.login("revoke@example.com");
        gatehouse.request("POST", "/api/v1/me/password").session(current)
                .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"a different passphrase\"}").send().expect(204);
        assertRejected(again);
    }

    @Test
    void passwordGrantFailuresMatchLogin() {
        gatehouse.signUp("grant@example.com");

        gatehouse.postJson("/api/v1/auth/jwt", "{\"username\":\"grant@example.com\",\"password\":\"wrong password!\"}")
                .problem(401, "invalid_credentials");
        gatehouse.postJson("/api/v1/auth/jwt", "{\"username\":\"nobody@example.com\",\"password\":\"wrong password!\"}")
                .problem(401, "invalid_credentials");
        gatehouse.postJson("/api/v1/auth/jwt/verify", "{\"token\":\"not.a.jwt\"}").problem(401, "invalid_token");
    }

    @Test
    void rotatedKeyIsPublishedAndOldTokensKeepVerifyingThroughTheOverlap() throws Exception {
        gatehouse.signUp("rotation@example.com");
        String before = (String) obtain("rotation@example.com").get("access");
        String admin = gatehouse.login(ADMIN);

        String kid = (String) gatehouse.request("POST", "/api/v1/admin/signing-keys/rotate").session(admin).send().expect(200).json().get("kid");

        String after = (String) obtain("rotation@example.com").get("access");
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid);
        assertThat(SignedJWT.parse(before).getHeader().getKeyID()).isNotEqualTo(kid);
        assertThat(JWKSet.parse(gatehouse.get("/.well-known/jwks.json").body()).getKeys()).extracting(k -> k.getKeyID())
                .contains(kid, SignedJWT.parse(before).getHeader().getKeyID());
        bearer("/api/v1/me", before).expect(200);
        bearer("/api/v1/me", after).expect(200);

        String user = gatehouse.login("rotation@example.com");
        gatehouse.request("POST", "/api/v1/admin/signing-keys/rotate").session(user).send().problem(403, "forbidden");
    }

    private Map<String, Object> obtain(String email) {
        return gatehouse.postJson("/api/v1/auth/jwt", "{\"username\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(201).json();
    }

    private TestGatehouse.Response bearer(String path, String token) {
        return gatehouse.get(path, "Authorization", "Bearer " + token);
    }

    private void assertRejected(String token) {
        gatehouse.postJson("/api/v1/auth/jwt/verify", "{\"token\":\"" + token + "\"}").problem(401, "invalid_token");
        bearer("/api/v1/me", token).problem(401, "unauthenticated");
    }
}
