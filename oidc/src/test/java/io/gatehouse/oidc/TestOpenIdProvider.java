package io.gatehouse.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * An OpenID provider for the negative tests, on loopback: discovery, JWKS, an authorization endpoint that signs
 * the configured person in at once and sends the browser back, a token endpoint that enforces single-use codes,
 * the redirect URI and PKCE (RFC 7636 4.6), and a UserInfo endpoint. What it issues can be bent for each test:
 * the ID token's claims, its signature (another key, HMAC with the client secret, none), the discovery document.
 * The happy path is tested against a real provider (panva's oidc-provider); this one is for the attacks.
 */
public final class TestOpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "gatehouse-test-client";
    public static final String CLIENT_SECRET = "test-client-secret-0123456789abcdef0123456789";

    /** How the ID token is signed. */
    public enum Signing { GOOD_KEY, OTHER_KEY, NONE, HMAC_WITH_CLIENT_SECRET }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Person person = new Person("sub-1", "person@example.com", true, "A Person");
    private volatile UnaryOperator<JWTClaimsSet.Builder> bend = UnaryOperator.identity();
    private volatile Signing signing = Signing.GOOD_KEY;
    private volatile String discoveryIssuer;
    private volatile String tokenEndpointOverride;
    private volatile boolean emailInIdToken = true;
    private volatile Map<String, String> lastAuthorization = Map.of();

    public record Person(String subject, String email, boolean emailVerified, String name) {
    }

    private record Grant(String redirectUri, String challenge, String nonce, Person person, boolean[] used) {
    }

    public TestOpenIdProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userinfo);
        server.createContext("/user/emails", this::githubEmails);
        server.createContext("/user", this::githubUser);
        server.start();
        discoveryIssuer = issuer();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to a well-behaved provider: good signatures, honest claims, its own discovery document. */
    public TestOpenIdProvider reset() {
        bend = UnaryOperator.identity();
        signing = Signing.GOOD_KEY;
        discoveryIssuer = issuer();
        tokenEndpointOverride = null;
        emailInIdToken = true;
        return this;
    }

    /** Who the next sign-in at this provider is. */
    public TestOpenIdProvider signsIn(String subject, String email, boolean emailVerified) {
        person = new Person(subject, email, emailVerified, "Person " + subject);
        return this;
    }

    /** Changes the claims of the ID tokens issued from now on. */
    public TestOpenIdProvider bend(UnaryOperator<JWTClaimsSet.Builder> change) {
        bend = change;
        return this;
    }

    public TestOpenIdProvider signing(Signing how) {
        signing = how;
        return this;
    }

    /** The issuer the discovery document names (a document naming another than its own location must be refused). */
    public TestOpenIdProvider discoveryIssuer(String issuer) {
        discoveryIssuer = issuer;
        return this;
    }

    /** A token endpoint elsewhere than the issuer's host, as a hostile discovery document would name. */
    public TestOpenIdProvider tokenEndpoint(String url) {
        tokenEndpointOverride = url;
        return this;
    }

    /** Keep email claims for the UserInfo endpoint only, as many providers do. */
    public TestOpenIdProvider emailOnlyFromUserInfo() {
        emailInIdToken = false;
        return this;
    }

    /** The query of the last authorization request this provider received. */
    public Map<String, String> lastAuthorization() {
        return lastAuthorization;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = issuer();
        String json = "{\"issuer\":\"" + discoveryIssuer + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                + "\"token_endpoint\":\"" + (tokenEndpointOverride != null ? tokenEndpointOverride : base + "/token") + "\","
                + "\"userinfo_endpoint\":\"" + base + "/userinfo\",\"jwks_uri\":\"" + base + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}";
        send(exchange, 200, "application/json", json);
    }

    /** Signs the configured person in at once and sends the browser back with a code (and RFC 9207's iss). */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        lastAuthorization = Map.copyOf(query);
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(query.get("redirect_uri"), query.get("code_challenge"), query.get("nonce"), person, new boolean[1]));
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8)
                + "&iss=" + URLEncoder.encode(issuer(), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = codes.get(body.get("code"));
        if (grant == null || !"authorization_code".equals(body.get("grant_type")) || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !grant.challenge().equals(s256(body.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        synchronized (grant) {
            if (grant.used()[0]) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"code already used\"}");
                return;
            }
            grant.used()[0] = true;
        }
        String accessToken = "at-" + UUID.randomUUID();
        accessTokens.put(accessToken, grant.person());
        send(exchange, 200, "application/json", "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + idToken(grant) + "\"}");
    }

    private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Person who = authorization == null ? null : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (who == null) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        send(exchange, 200, "application/json", "{\"sub\":\"" + who.subject() + "\",\"email\":\"" + who.email() + "\",\"email_verified\":"
                + who.emailVerified() + ",\"name\":\"" + who.name() + "\"}");
    }

    /** GitHub's shape: a numeric id, no verified flag (the email, if any, is only the public one). */
    private void githubUser(HttpExchange exchange) throws IOException {
        Person who = bearer(exchange);
        if (who == null) {
            send(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
            return;
        }
        send(exchange, 200, "application/json", "{\"id\":" + githubId(who) + ",\"login\":\"" + who.subject() + "\",\"name\":\""
                + who.name() + "\",\"email\":null}");
    }

    /** GitHub's /user/emails: the primary address with its verified flag, and another one, verified, that must not be used. */
    private void githubEmails(HttpExchange exchange) throws IOException {
        Person who = bearer(exchange);
        if (who == null) {
            send(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
            return;
        }
        send(exchange, 200, "application/json", "[{\"email\":\"secondary-" + who.email() + "\",\"primary\":false,\"verified\":true},"
                + "{\"email\":\"" + who.email() + "\",\"primary\":true,\"verified\":" + who.emailVerified() + "}]");
    }

    /** The numeric id GitHub would give this person. */
    public static long githubId(Person who) {
        return Math.abs((long) who.subject().hashCode());
    }

    public Person person() {
        return person;
    }

    private Person bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization == null ? null : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(grant.person().subject()).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).claim("nonce", grant.nonce());
        if (emailInIdToken) {
            claims.claim("email", grant.person().email()).claim("email_verified", grant.person().emailVerified())
                    .claim("name", grant.person().name());
        }
        JWTClaimsSet set = bend.apply(claims).build();
        try {
            return switch (signing) {
                case NONE -> new PlainJWT(set).serialize();
                case HMAC_WITH_CLIENT_SECRET -> sign(new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), set),
                        new MACSigner(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
                case OTHER_KEY -> sign(new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(otherKey.getKeyID()).build(), set),
                        new RSASSASigner(otherKey));
                case GOOD_KEY -> sign(new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set),
                        new RSASSASigner(key));
            };
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(SignedJWT jwt, com.nimbusds.jose.JWSSigner signer) throws JOSEException {
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code of a sign-in this provider answered, as a thief of the browser's history would see it. */
    public static Map<String, String> queryOf(String url) {
        return form(URI.create(url).getRawQuery());
    }

    static Map<String, String> form(String raw) {
        Map<String, String> fields = new HashMap<>();
        if (raw == null) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
