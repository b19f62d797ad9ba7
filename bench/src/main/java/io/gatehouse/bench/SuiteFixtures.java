package io.gatehouse.bench;

import io.gatehouse.saml.TestIdentityProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;

/**
 * Prepares everything bench/suite.sh's scenarios send, against a running Gatehouse, and writes it
 * into a directory for wrk to read: an access JWT, an API token, a session cookie, one refresh token
 * per connection, and for each ACS scenario (signed Response; signed assertion encrypted for the
 * SP) a workspace whose SSO trusts an in-process test IdP and a file of pre-signed form bodies, one
 * per line, each with its own assertion id so that the replay cache accepts each exactly once.
 *
 * <p>Before writing the ACS bodies it posts a warm-up share of them itself, which provisions the
 * workspace's users just in time, so that the measured logins are logins of existing users.
 *
 * <p>Usage: {@code SuiteFixtures <base url> <directory> <responses per ACS scenario, 0 for none> <connections>}.
 */
public final class SuiteFixtures {

    static final String EMAIL = "bench@example.com";
    static final String PASSWORD = "benchmark passphrase";
    private static final Pattern WORKSPACE_ID = Pattern.compile("\"workspace\":\\{\"id\":\"([0-9a-f-]+)\"");
    private static final Pattern ACS_URL = Pattern.compile("\"acs_url\":\"([^\"]+)\"");
    private static final Pattern ENTITY_ID = Pattern.compile("\"entity_id\":\"([^\"]+)\"");
    private static final Pattern ENCRYPTION_CERTIFICATE = Pattern.compile("\"encryption_certificate\":\"([^\"]+)\"");
    private static final int USERS_PER_WORKSPACE = 500;
    /** The instance administrator bench/suite.sh bootstraps (with PASSWORD). */
    static final String OPERATOR = "operator@bench.example.com";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Path directory;

    private SuiteFixtures(String base, Path directory) {
        this.base = base;
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        SuiteFixtures fixtures = new SuiteFixtures(args[0], Path.of(args[1]));
        int responses = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        fixtures.tokens(connections);
        if (responses > 0) {
            TestIdentityProvider idp = new TestIdentityProvider("Benchmark IdP");
            fixtures.acs("acs_signed", idp, false, responses, connections);
            fixtures.acs("acs_encrypted", idp, true, responses, connections);
        }
    }

    private void tokens(int connections) throws Exception {
        send(post("/api/v1/signup", "application/json", credentials("email")), 201);
        String access = field("access", send(post("/api/v1/auth/jwt", "application/json", credentials("username")), 201).body());
        write("access", access);
        write("api_token", field("access_token", send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/api-tokens"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), 201).body()));
        write("cookie", sessionCookie(EMAIL));
        List<String> refresh = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            refresh.add(field("refresh", send(post("/api/v1/auth/jwt", "application/json", credentials("username")), 201).body()));
        }
        Files.write(directory.resolve("refresh"), refresh);
    }

    private void acs(String name, TestIdentityProvider idp, boolean encrypted, int responses, int connections) throws Exception {
        String domain = name.replace('_', '-') + ".bench.example.com";
        String owner = "owner@" + domain;
        String workspace = group(WORKSPACE_ID, send(post("/api/v1/signup", "application/json",
                "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD + "\",\"workspace_name\":\"" + name + "\"}"), 201).body());
        String pem = idp.certificatePem().replace("\n", "\\n");
        String config = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces/" + workspace + "/sso"))
                .header("Content-Type", "application/json").header("Cookie", sessionCookie(owner)).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":true,\"idp_entity_id\":\"" + TestIdentityProvider.ENTITY_ID
                        + "\",\"idp_sso_url\":\"" + TestIdentityProvider.SSO_URL + "\",\"idp_certificates\":[\"" + pem
                        + "\"],\"email_domains\":[\"" + domain + "\"],\"allow_idp_initiated\":true,\"want_assertions_encrypted\":"
                        + encrypted + "}")).build(), 201).body();
        // Only a verified domain takes effect: the suite's operator (GATEHOUSE_BOOTSTRAP_ADMIN_*) vouches for it.
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/workspaces/" + workspace + "/domains/" + domain + "/verify"))
                .header("Cookie", sessionCookie(OPERATOR)).header("Origin", base).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        String acs = group(ACS_URL, config);
        String entityId = group(ENTITY_ID, config);
        String encryptionCertificate = group(ENCRYPTION_CERTIFICATE, config).replace("\\n", "\n");

        int warmup = Math.max(USERS_PER_WORKSPACE, responses / 4);
        long start = System.nanoTime();
        List<String> bodies = IntStream.range(0, warmup + responses).parallel().mapToObj(i -> {
            String email = "user" + (i % USERS_PER_WORKSPACE) + "@" + domain;
            TestIdentityProvider.Login login = idp.login(email).to(acs, entityId).attribute("email", email)
                    .attribute("firstName", "User").attribute("lastName", Integer.toString(i % USERS_PER_WORKSPACE));
            if (encrypted) {
                login = login.signed(false, true).encryptedFor(encryptionCertificate, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM);
            }
            return "SAMLResponse=" + URLEncoder.encode(login.encoded(), StandardCharsets.UTF_8);
        }).toList();
        System.out.printf("%s: signed %d responses in %d ms, %d bytes each; warming up with %d (just-in-time provisioning of %d users)%n",
                name, bodies.size(), (System.nanoTime() - start) / 1_000_000, bodies.get(0).length(), warmup, USERS_PER_WORKSPACE);
        String path = URI.create(acs).getPath();
        postOnce(path, bodies.subList(0, warmup), connections);
        write(name + ".path", path);
        Files.write(directory.resolve(name + ".bodies"), bodies.subList(warmup, bodies.size()));
    }

    /** Posts each body once from {@code connections} threads; every one must log in. */
    private void postOnce(String path, List<String> bodies, int connections) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int t = 0; t < connections; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    try {
                        send(post(path, "application/x-www-form-urlencoded", bodies.get(i)), 200);
                    } catch (Exception e) {
                        if (failed.getAndIncrement() == 0) {
                            System.err.println("warm-up login failed: " + e.getMessage());
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " warm-up logins failed");
        }
    }

    private String sessionCookie(String email) throws Exception {
        var login = send(post("/api/v1/auth/login", "application/json",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), 200);
        return login.headers().allValues("set-cookie").get(0).split(";", 2)[0];
    }

    private static String credentials(String userField) {
        return "{\"" + userField + "\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private void write(String file, String content) throws Exception {
        Files.writeString(directory.resolve(file), content);
    }

    private HttpRequest post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String field(String name, String json) {
        return group(Pattern.compile("\"" + name + "\":\"([^\"]+)\""), json);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
