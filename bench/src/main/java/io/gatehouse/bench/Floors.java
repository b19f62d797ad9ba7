package io.gatehouse.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.app.crypto.Argon2idPasswordHasher;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SamlResponseReader.Expectations;
import io.gatehouse.domain.port.out.SpPrivateKeys;
import io.gatehouse.saml.OpenSamlResponseReader;
import io.gatehouse.saml.TestIdentityProvider;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The floors each scenario is compared with: the unavoidable work of one request, measured in
 * process on one thread, after warm-up, as medians. One argon2id hash at the default cost (login),
 * one RS256 signature plus verification (tokens), one PostgreSQL point select over loopback
 * (every authenticated request), and OpenSAML parse + signature verification of one signed
 * response (ACS). Usage: {@code Floors [jdbc url] [user]}; see README, "Measured figures".
 */
public final class Floors {

    private Floors() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = args.length > 1 ? args[1] : "postgres";
        System.out.printf("floors (median of one operation, one thread, Java %s)%n", System.getProperty("java.version"));
        print("argon2id hash, m=19456 KiB t=2 p=1", argon2());
        print("RS256 sign + verify (2048-bit key)", jwt());
        print("PostgreSQL point select over loopback", pointSelect(url, user));
        print("OpenSAML parse + verify a signed response", samlRead());
    }

    private static long argon2() {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(19456, 2, 1), new SecureRandom());
        PasswordHash hash = hasher.hash("benchmark passphrase");
        return median(20, 5, () -> hasher.matches("benchmark passphrase", hash));
    }

    private static long jwt() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("floor").generate();
        RSASSASigner signer = new RSASSASigner(key);
        RSASSAVerifier verifier = new RSASSAVerifier(key.toRSAPublicKey());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("floor").issuer("https://gatehouse.example")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        return median(2000, 500, () -> {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("floor").build(), claims);
            jwt.sign(signer);
            if (!SignedJWT.parse(jwt.serialize()).verify(verifier)) {
                throw new IllegalStateException("did not verify");
            }
        });
    }

    private static long pointSelect(String url, String user) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement select = connection.prepareStatement("SELECT 1 WHERE ? IS NOT NULL")) {
            return median(5000, 1000, () -> {
                select.setString(1, "x");
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                }
            });
        }
    }

    private static long samlRead() {
        TestIdentityProvider idp = new TestIdentityProvider("Floor IdP");
        String acs = "https://gatehouse.example/api/v1/auth/saml2/login/w";
        String sp = "https://gatehouse.example/api/v1/workspaces/w/sso/metadata";
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            responses.add(idp.login("user" + i + "@floor.example").to(acs, sp).attribute("email", "user" + i + "@floor.example").encoded());
        }
        SpPrivateKeys noKeys = new SpPrivateKeys() {
            @Override
            public byte[] signingKey(WorkspaceId workspace, SpKeys keys) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] encryptionKey(WorkspaceId workspace, SpKeys keys) {
                try {
                    var generator = java.security.KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    return generator.generateKeyPair().getPrivate().getEncoded();
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        OpenSamlResponseReader reader = new OpenSamlResponseReader(noKeys, Clock.systemUTC());
        SsoConfiguration configuration = new SsoConfiguration(WorkspaceId.random(), true, TestIdentityProvider.ENTITY_ID,
                TestIdentityProvider.SSO_URL, List.of(idp.certificatePem()), List.of("floor.example"), true, false, true, true,
                Role.MEMBER, false, false, AttributeMapping.DEFAULT, new SpKeys(idp.certificatePem(), "", idp.certificatePem(), ""),
                Instant.now(), Instant.now());
        Expectations expected = new Expectations(configuration, sp, acs, Duration.ofSeconds(60));
        int[] next = {0};
        return median(2000, 1000, () -> reader.read(responses.get(next[0]++ % responses.size()), expected));
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws Exception;
    }

    private static long median(int samples, int warmup, Operation operation) {
        try {
            for (int i = 0; i < warmup; i++) {
                operation.run();
            }
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                operation.run();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return nanos[samples / 2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(String name, long nanos) {
        System.out.printf("  %-45s %9.3f ms  (%,.0f per second per core)%n", name, nanos / 1e6, 1e9 / nanos);
    }
}
