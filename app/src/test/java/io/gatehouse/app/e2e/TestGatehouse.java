package io.gatehouse.app.e2e;

import io.gatehouse.dns.LoopbackDnsServer;
import io.gatehouse.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * A real Gatehouse server on a random port over a fresh database (H2 or PostgreSQL, as the build
 * says), driven through the JDK's HTTP client so every request crosses a real socket. Argon2id runs
 * at a low cost here to keep the suite fast; the hasher's own test covers the production cost.
 */
public final class TestGatehouse implements AutoCloseable {

    public static final String ORIGIN = "http://localhost";
    public static final String PASSWORD = "correct horse battery";

    private final EmbeddedServer server;
    private final LoopbackDnsServer dns;
    private final boolean ownsDns;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    private TestGatehouse(EmbeddedServer server, LoopbackDnsServer dns, boolean ownsDns) {
        this.server = server;
        this.dns = dns;
        this.ownsDns = ownsDns;
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    public static TestGatehouse start() {
        return start(Map.of());
    }

    public static TestGatehouse start(Map<String, Object> overrides) {
        return startOn(TestDatabase.freshDatabaseProperties(), overrides);
    }

    /**
     * Several nodes of one deployment: separate application contexts (so separate caches, pools and
     * ports) over one database, with one master key and one public URL, as behind a load balancer.
     */
    public static List<TestGatehouse> cluster(int nodes, Map<String, Object> overrides) {
        Map<String, Object> shared = new HashMap<>(TestDatabase.freshDatabaseProperties());
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        shared.put("gatehouse.master-key", Base64.getEncoder().encodeToString(masterKey));
        try {
            // One mail directory for the deployment, as one relay would be: a test reads a message whichever node sent it.
            shared.put("gatehouse.data-dir", java.nio.file.Files.createTempDirectory("gatehouse-cluster-").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        shared.putAll(overrides);
        LoopbackDnsServer dns = new LoopbackDnsServer();
        List<TestGatehouse> started = new java.util.ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            started.add(startOn(shared, Map.of(), dns, i == 0));
        }
        return started;
    }

    static TestGatehouse startOn(Map<String, Object> database, Map<String, Object> overrides) {
        return startOn(database, overrides, new LoopbackDnsServer(), true);
    }

    /** Every test server resolves DNS through a loopback DNS server of its own, where tests publish TXT records. */
    private static TestGatehouse startOn(Map<String, Object> database, Map<String, Object> overrides, LoopbackDnsServer dns,
                                         boolean ownsDns) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        properties.put("gatehouse.public-url", ORIGIN);
        properties.put("gatehouse.password.argon2.memory-kib", 1024);
        properties.put("gatehouse.password.argon2.iterations", 1);
        if (!properties.containsKey("gatehouse.master-key")) {
            byte[] masterKey = new byte[32];
            new java.security.SecureRandom().nextBytes(masterKey);
            properties.put("gatehouse.master-key", Base64.getEncoder().encodeToString(masterKey));
        }
        properties.put("gatehouse.dns.resolvers", dns.address());
        // Mail goes to .eml files in a directory of the test's own (no SMTP relay), drained every 100 ms.
        if (!properties.containsKey("gatehouse.data-dir")) {
            try {
                properties.put("gatehouse.data-dir", java.nio.file.Files.createTempDirectory("gatehouse-test-").toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        properties.put("gatehouse.mail.initial-delay", "100ms");
        properties.put("gatehouse.mail.poll-interval", "100ms");
        properties.put("gatehouse.dns.timeout", "1s");
        properties.putAll(overrides);
        return new TestGatehouse(ApplicationContext.run(EmbeddedServer.class, properties), dns, ownsDns);
    }

    /** The messages written for {@code address} so far, oldest first, as the .eml files the embedded default writes. */
    public List<String> mailsTo(String address) {
        java.nio.file.Path outbox = java.nio.file.Path.of(context().getProperty("gatehouse.data-dir", String.class).orElseThrow(), "outbox");
        if (!java.nio.file.Files.isDirectory(outbox)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.list(outbox)) {
            List<java.nio.file.Path> ordered = files.filter(f -> f.toString().endsWith(".eml"))
                    .sorted(java.util.Comparator.comparing(f -> {
                        try {
                            return java.nio.file.Files.getLastModifiedTime(f);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();
            List<String> found = new java.util.ArrayList<>();
            for (java.nio.file.Path file : ordered) {
                decodedIfTo(file, address).ifPresent(found::add);
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The message's headers and the decoded text of its parts, when it is addressed to {@code address}. Parsed by Jakarta
     * Mail, as a mail client would: decoding by hand (say, {@code =3D} to {@code =} everywhere) also rewrites a 7bit
     * part whose token happens to begin with "3D", which made a test fail once in a few thousand links.
     */
    private static java.util.Optional<String> decodedIfTo(java.nio.file.Path file, String address) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
            var to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
            if (to == null || java.util.Arrays.stream(to).noneMatch(recipient ->
                    recipient instanceof jakarta.mail.internet.InternetAddress internet && address.equalsIgnoreCase(internet.getAddress()))) {
                return java.util.Optional.empty();
            }
            StringBuilder text = new StringBuilder("To: ").append(address).append("\nSubject: ").append(message.getSubject()).append("\n\n");
            appendText(message.getContent(), text);
            return java.util.Optional.of(text.toString());
        } catch (jakarta.mail.MessagingException e) {
            throw new IOException(e);
        }
    }

    private static void appendText(Object content, StringBuilder text) throws IOException, jakarta.mail.MessagingException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                appendText(multipart.getBodyPart(i).getContent(), text);
            }
        } else if (content instanceof String part) {
            text.append(part).append("\n");
        }
    }

    /** Waits (up to 10 s) for a message to {@code address} whose text has {@code marker}, and returns the token of its link. */
    public String awaitLinkToken(String address, String marker) {
        java.util.regex.Pattern token = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(marker) + "([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> mails = mailsTo(address);
            for (int i = mails.size() - 1; i >= 0; i--) {
                java.util.regex.Matcher matcher = token.matcher(mails.get(i));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no message with '" + marker + "' reached " + address);
    }

    /** Follows the verification link mailed at sign-up, as the mailbox's owner would. */
    public void verifyEmail(String address) {
        String token = awaitLinkToken(address, "/verify-email?token=");
        postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").expect(200);
    }

    /** Signs up, and verifies the address through its mailed link. */
    public Response signUpVerified(String email) {
        Response created = signUp(email);
        verifyEmail(email);
        return created;
    }

    /** An admin of the workspace invites {@code email}, whose verified owner accepts: the way anyone becomes a member. */
    public void addMember(String workspace, String adminCookie, String email, String role) {
        Map<String, Object> invitation = request("POST", "/api/v1/workspaces/" + workspace + "/invitations").session(adminCookie)
                .json("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}").send().expect(201).json();
        request("POST", "/api/v1/me/invitations/" + invitation.get("id") + "/accept").session(login(email)).send().expect(200);
    }

    /** Publishes the TXT record of the workspace's claim on {@code domain} on the test DNS server and verifies it, as its owner would. */
    public void verifyDomain(String workspace, String ownerCookie, String domain) {
        Map<String, Object> claim = request("GET", "/api/v1/workspaces/" + workspace + "/domains").session(ownerCookie).send().expect(200)
                .jsonList().stream().filter(d -> domain.equals(d.get("domain"))).findFirst().orElseThrow();
        Map<?, ?> verification = (Map<?, ?>) claim.get("verification");
        dns().txt((String) verification.get("record_name"), (String) verification.get("record_value"));
        request("POST", "/api/v1/workspaces/" + workspace + "/domains/" + domain + "/verify").session(ownerCookie).send().expect(200);
    }

    /** The DNS server this Gatehouse asks (shared by every node of a cluster). */
    public LoopbackDnsServer dns() {
        return dns;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Response get(String path, String... headers) {
        return request("GET", path).headers(headers).send();
    }

    public Response postJson(String path, String body, String... headers) {
        return request("POST", path).json(body).headers(headers).send();
    }

    /** Signs up a user (201 expected) and returns the response. */
    public Response signUp(String email) {
        return postJson("/api/v1/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").expect(201);
    }

    /** Logs in with the test password and returns the session cookie value. */
    public String login(String email) {
        return login(email, PASSWORD);
    }

    public String login(String email, String password) {
        return postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .expect(200).cookie("gatehouse_session");
    }

    /** The audit trail of a workspace, oldest first, read straight from the database. */
    public List<String> auditActions(String workspaceId) {
        return column("SELECT action FROM audit_events WHERE workspace_id = ? ORDER BY id", java.util.UUID.fromString(workspaceId));
    }

    /** The first column of every row {@code sql} returns, as strings, read straight from the database. */
    public List<String> column(String sql, Object... parameters) {
        javax.sql.DataSource dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(context().getBean(javax.sql.DataSource.class));
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new java.util.ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A {@code SELECT COUNT(*)} read straight from the database. */
    public long count(String sql, Object... parameters) {
        return Long.parseLong(column(sql, parameters).get(0));
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        if (ownsDns) {
            dns.close();
        }
    }

    public final class Request {
        private final HttpRequest.Builder builder;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private final String method;

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                    .timeout(Duration.ofSeconds(30));
        }

        public Request json(String json) {
            builder.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        public Request body(String contentType, String content) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(content);
            return this;
        }

        /** Name-value pairs: {@code headers("Origin", ORIGIN, "Cookie", "...")}. */
        public Request headers(String... namesAndValues) {
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                builder.header(namesAndValues[i], namesAndValues[i + 1]);
            }
            return this;
        }

        /** The session cookie plus the Origin a browser on the public URL would send. */
        public Request session(String cookie) {
            return headers("Cookie", "gatehouse_session=" + cookie, "Origin",
                    context().getProperty("gatehouse.public-url", String.class).orElse(ORIGIN));
        }

        public Request basic(String user, String password) {
            return headers("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        public Response send() {
            try {
                HttpResponse<String> response = http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body(), json);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The value of a Set-Cookie of that name, or null. */
        public String cookie(String name) {
            return setCookie(name) == null ? null : setCookie(name).substring(name.length() + 1).split(";", 2)[0];
        }

        public String setCookie(String name) {
            return headerValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList() {
            try {
                return (List<Map<String, Object>>) (List<?>) mapper.readValue(body, Argument.listOf(Map.class));
            } catch (IOException e) {
                throw new AssertionError("not a JSON array: " + body, e);
            }
        }

        /** Asserts an RFC 9457 problem with this status and code, and returns it. */
        public Map<String, Object> problem(int expectedStatus, String expectedCode) {
            expect(expectedStatus);
            if (!"application/problem+json".equals(header("Content-Type"))) {
                throw new AssertionError("expected application/problem+json but got " + header("Content-Type") + ": " + body);
            }
            Map<String, Object> problem = json();
            if (!expectedCode.equals(problem.get("code")) || !Integer.valueOf(expectedStatus).equals(problem.get("status"))) {
                throw new AssertionError("expected code " + expectedCode + " but got " + body);
            }
            return problem;
        }
    }
}
