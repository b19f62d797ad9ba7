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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * ACS throughput: signed-response SAML logins per second against a running Gatehouse.
 *
 * <p>Sets up a workspace whose SSO trusts an in-process test IdP (IdP-initiated allowed), signs
 * every response before the clock starts (each with its own assertion id, so the replay cache
 * accepts each once), lets a warm-up pass provision the users just in time, then posts the rest
 * from {@code concurrency} threads. Every measured request is a full login: parse, signature
 * verification against the configured certificate, all protocol checks, replay-cache insert,
 * identity lookup, profile update, session insert and the SSO event.
 *
 * <p>Usage: {@code AcsBenchmark <base url> <responses> <concurrency> [bodies file]}; see bench/acs.sh. With a
 * bodies file, the measured responses are written there (one form body per line) for wrk to post,
 * which keeps the load generator's own CPU use small on a two-core machine.
 */
public final class AcsBenchmark {

    private static final Pattern ID = Pattern.compile("\"workspace\":\\{\"id\":\"([0-9a-f-]+)\"");
    private static final Pattern ACS = Pattern.compile("\"acs_url\":\"([^\"]+)\"");
    private static final Pattern ENTITY = Pattern.compile("\"entity_id\":\"([^\"]+)\"");
    private static final int USERS = 500;

    private AcsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int total = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        TestIdentityProvider idp = new TestIdentityProvider("Benchmark IdP");
        String domain = "acs-bench.example.com";

        String signup = send(http, post(base + "/api/v1/signup", "application/json",
                "{\"email\":\"owner@" + domain + "\",\"password\":\"benchmark passphrase\",\"workspace_name\":\"bench\"}"), 201).body();
        String workspace = group(ID, signup);
        var login = send(http, post(base + "/api/v1/auth/login", "application/json",
                "{\"email\":\"owner@" + domain + "\",\"password\":\"benchmark passphrase\"}"), 200);
        String cookie = login.headers().allValues("set-cookie").get(0).split(";", 2)[0];
        String pem = idp.certificatePem().replace("\n", "\\n");
        String config = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces/" + workspace + "/sso"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":true,\"idp_entity_id\":\"" + TestIdentityProvider.ENTITY_ID
                        + "\",\"idp_sso_url\":\"" + TestIdentityProvider.SSO_URL + "\",\"idp_certificates\":[\"" + pem
                        + "\"],\"email_domains\":[\"" + domain + "\"],\"allow_idp_initiated\":true}")).build(), 201).body();
        String acs = group(ACS, config);
        String entityId = group(ENTITY, config);
        String acsPath = base + URI.create(acs).getPath();

        long signStart = System.nanoTime();
        List<String> bodies = IntStream.range(0, total).parallel().mapToObj(i -> {
            String email = "user" + (i % USERS) + "@" + domain;
            String encoded = idp.login(email).to(acs, entityId).attribute("email", email).attribute("firstName", "User")
                    .attribute("lastName", Integer.toString(i % USERS)).encoded();
            return "SAMLResponse=" + URLEncoder.encode(encoded, StandardCharsets.UTF_8);
        }).toList();
        System.out.printf("signed %d responses (%d distinct users) in %d ms; %d bytes each%n", total, USERS,
                (System.nanoTime() - signStart) / 1_000_000, bodies.get(0).length());

        int warmup = Math.max(USERS, total / 3);
        run("warm-up (includes just-in-time provisioning of " + USERS + " users)", http, acsPath, bodies.subList(0, warmup), concurrency);
        if (args.length > 3) {
            Files.write(Path.of(args[3]), bodies.subList(warmup, total));
            System.out.println("ACS_PATH=" + URI.create(acs).getPath());
        } else {
            run("measured: existing users, signed Response", http, acsPath, bodies.subList(warmup, total), concurrency);
        }
    }

    private static void run(String name, HttpClient http, String acsPath, List<String> bodies, int concurrency) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong(-1);
        long[] latencies = new long[bodies.size()];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        var response = http.send(post(acsPath, "application/x-www-form-urlencoded", bodies.get(i)),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(-1, response.statusCode());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("== %s: %d logins in %.1f s = %.0f logins/s (%d connections); p50 %.1f ms, p99 %.1f ms; %d failed%s%n",
                name, ok.get(), seconds, ok.get() / seconds, concurrency, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, failed.get(),
                firstFailure.get() < 0 ? "" : " (first failure HTTP " + firstFailure.get() + ")");
    }

    private static HttpRequest post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
