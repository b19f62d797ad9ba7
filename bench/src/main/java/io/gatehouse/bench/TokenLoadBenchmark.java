package io.gatehouse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running Gatehouse over loopback and prints requests/s and latency percentiles for:
 * bearer-JWT {@code GET /me}, API-token {@code GET /me}, and refresh-token rotation (each worker
 * rotating its own family, so every request is a real single-use exchange). Each scenario is
 * bounded in time. Arguments: baseUrl [seconds per scenario] [concurrency] [scenarios: jwt,apitoken,refresh].
 * bench/tokens.sh measures the two GET scenarios with wrk instead, which costs the shared CPU less.
 */
public final class TokenLoadBenchmark {

    private static final Pattern ACCESS = Pattern.compile("\"access\":\"([^\"]+)\"");
    private static final Pattern REFRESH = Pattern.compile("\"refresh\":\"([^\"]+)\"");
    private static final Pattern API_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TokenLoadBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("benchmarks only target loopback");
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        List<String> scenarios = List.of((args.length > 3 ? args[3] : "jwt,apitoken,refresh").split(","));
        new TokenLoadBenchmark(base).run(seconds, concurrency, scenarios);
    }

    private void run(int seconds, int concurrency, List<String> scenarios) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "benchmark passphrase";
        post("/api/v1/signup", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        String grant = "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}";
        String access = match(ACCESS, post("/api/v1/auth/jwt", grant, null));
        String apiToken = match(API_TOKEN, post("/api/v1/me/api-tokens", "{}", "Bearer " + access));
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            refreshTokens.add(match(REFRESH, post("/api/v1/auth/jwt", grant, null)));
        }
        System.out.printf("%-28s %10s %8s %8s %8s %7s%n", "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
        if (scenarios.contains("jwt")) {
            report("bearer JWT GET /me", measure(seconds, concurrency, worker -> get("/api/v1/me", "Bearer " + access)));
        }
        if (scenarios.contains("apitoken")) {
            report("API token GET /me", measure(seconds, concurrency, worker -> get("/api/v1/me", "Bearer " + apiToken)));
        }
        if (!scenarios.contains("refresh")) {
            return;
        }
        report("refresh rotation", measure(seconds, concurrency, worker -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/jwt/refresh"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\":\"" + refreshTokens.get(worker) + "\"}")));
            if (response.statusCode() == 201) {
                refreshTokens.set(worker, match(REFRESH, response.body()));
            }
            return response.statusCode();
        }));
    }

    private interface Call {
        int call(int worker) throws Exception;
    }

    private record Result(long requests, long errors, long[] latencies, double seconds) {
    }

    private Result measure(int seconds, int concurrency, Call call) throws Exception {
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                long[] samples = new long[1 << 16];
                int count = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    int status = call.call(worker);
                    long elapsed = System.nanoTime() - start;
                    if (start < warmupEnd) {
                        continue;
                    }
                    if (status >= 300) {
                        errors.incrementAndGet();
                    }
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = elapsed;
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> future : futures) {
            long[] part = future.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        return new Result(all.length, errors.get(), all, seconds);
    }

    private static void report(String name, Result result) {
        long[] l = result.latencies();
        System.out.printf("%-28s %10.0f %8.2f %8.2f %8.2f %7d%n", name, result.requests() / result.seconds(),
                percentile(l, 0.50), percentile(l, 0.95), percentile(l, 0.99), result.errors());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private int get(String path, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET()).statusCode();
    }

    private String post(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected response: " + body);
        }
        return matcher.group(1);
    }
}
