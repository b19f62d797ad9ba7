package io.gatehouse.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.crypto.Argon2idPasswordHasher;
import io.gatehouse.crypto.MasterKey;
import io.gatehouse.crypto.SealedSpPrivateKeys;
import io.gatehouse.crypto.SelfSignedSpKeyGenerator;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SamlResponseReader.Expectations;
import io.gatehouse.saml.OpenSamlResponseReader;
import io.gatehouse.saml.TestIdentityProvider;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;

/**
 * The floors each scenario is compared with: the unavoidable work of one request, measured in
 * process on one thread, after warm-up, as medians. One argon2id hash at the default cost (login),
 * one RS256 signature plus verification (tokens), one PostgreSQL point select over loopback
 * (every authenticated request), and OpenSAML parse + signature verification of one signed
 * response, plain or with its assertion encrypted (ACS). Usage: {@code Floors [jdbc url] [user]
 * [properties file]}; bench/suite.sh runs it and reads the file.
 */
public final class Floors {

    private Floors() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = args.length > 1 ? args[1] : "postgres";
        System.out.printf("floors (median of one operation, one thread, Java %s)%n", System.getProperty("java.version"));
        Properties floors = new Properties();
        print(floors, "argon2", "argon2id hash, m=19456 KiB t=2 p=1", argon2());
        print(floors, "jwt", "RS256 sign + verify (2048-bit key)", jwt());
        // What a refresh rotation cannot avoid: one signature of the configured algorithm.
        print(floors, "sign_rs256", "RS256 sign (2048-bit key)", signOnly(JWSAlgorithm.RS256, new RSASSASigner(new RSAKeyGenerator(2048).generate())));
        print(floors, "sign_es256", "ES256 sign (P-256 key)", signOnly(JWSAlgorithm.ES256, new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate())));
        print(floors, "select", "PostgreSQL primary-key select over loopback", pointSelect(url, user));
        print(floors, "saml_signed", "OpenSAML parse + verify a signed response", samlRead(false));
        print(floors, "saml_encrypted", "OpenSAML parse + decrypt + verify (AES-GCM)", samlRead(true));
        if (args.length > 2) {
            // Nanoseconds per operation, for bench/suite.sh to put next to each scenario.
            try (var out = Files.newBufferedWriter(Path.of(args[2]))) {
                floors.store(out, "floors in nanoseconds");
            }
        }
    }

    private static long argon2() {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(19456, 2, 1), new SecureRandom());
        PasswordHash hash = hasher.hash("benchmark passphrase");
        return median(30, 20, () -> hasher.matches("benchmark passphrase", hash));
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

    private static long signOnly(JWSAlgorithm algorithm, JWSSigner signer) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("floor").issuer("https://gatehouse.example")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        return median(2000, 500, () -> new SignedJWT(new JWSHeader.Builder(algorithm).keyID("floor").build(), claims).sign(signer));
    }

    /** A primary-key lookup of one row among 10,000, over one open connection (what a token check costs at least). */
    private static long pointSelect(String url, String user) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            try (var create = connection.createStatement()) {
                create.execute("CREATE TEMPORARY TABLE floor_rows (id uuid PRIMARY KEY, payload text NOT NULL)");
                create.execute("INSERT INTO floor_rows SELECT gen_random_uuid(), md5(g::text) FROM generate_series(1, 10000) g");
                create.execute("ANALYZE floor_rows");
            }
            List<UUID> ids = new ArrayList<>();
            try (var all = connection.createStatement(); ResultSet rows = all.executeQuery("SELECT id FROM floor_rows")) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT payload FROM floor_rows WHERE id = ?")) {
                int[] next = {0};
                return median(5000, 1000, () -> {
                    select.setObject(1, ids.get(next[0]++ % ids.size()));
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next()) {
                            throw new IllegalStateException("row missing");
                        }
                    }
                });
            }
        }
    }

    /**
     * The same kind of response the ACS scenarios post: signed Response, or signed assertion
     * encrypted for the SP's key (unsealed with the master key, as the server does).
     */
    private static long samlRead(boolean encrypted) {
        TestIdentityProvider idp = new TestIdentityProvider("Floor IdP");
        String acs = "https://gatehouse.example/api/v1/auth/saml2/login/w";
        String sp = "https://gatehouse.example/api/v1/workspaces/w/sso/metadata";
        SecureRandom random = new SecureRandom();
        MasterKey masterKey = MasterKey.fromBase64(Base64.getEncoder().encodeToString(random.generateSeed(32)), random);
        WorkspaceId workspace = WorkspaceId.random();
        SpKeys spKeys = new SelfSignedSpKeyGenerator(masterKey, random, Clock.systemUTC()).generate(workspace);
        List<String> responses = IntStream.range(0, 3000).parallel().mapToObj(i -> {
            TestIdentityProvider.Login login = idp.login("user" + i + "@floor.example").to(acs, sp)
                    .attribute("email", "user" + i + "@floor.example");
            return (encrypted ? login.signed(false, true).encryptedFor(spKeys.encryptionCertificate(),
                    EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM) : login).encoded();
        }).toList();
        OpenSamlResponseReader reader = new OpenSamlResponseReader(new SealedSpPrivateKeys(masterKey), Clock.systemUTC());
        SsoConfiguration configuration = new SsoConfiguration(workspace, true, TestIdentityProvider.ENTITY_ID,
                TestIdentityProvider.SSO_URL, List.of(idp.certificatePem()), List.of("floor.example"), true, false, true, true,
                Role.MEMBER, false, false, AttributeMapping.DEFAULT, spKeys, Instant.now(), Instant.now(), java.util.Set.of());
        Expectations expected = new Expectations(configuration, sp, acs, Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofHours(24));
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

    private static void print(Properties floors, String key, String name, long nanos) {
        floors.setProperty(key, Long.toString(nanos));
        System.out.printf("  %-45s %9.3f ms  (%,.0f per second per core)%n", name, nanos / 1e6, 1e9 / nanos);
    }
}
