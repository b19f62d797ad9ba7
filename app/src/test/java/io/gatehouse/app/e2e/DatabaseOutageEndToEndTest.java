package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.persistence.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running server and comes back: requests fail fast with 503
 * problem+json (no stack trace, no hang past the pool's connection timeout), /health says DOWN, and
 * the same process serves again once the database is back. A database that hangs instead (open
 * connections, no answers) fails requests after the socket timeout. On PostgreSQL only: the outage
 * is made with a TCP proxy between the server and the database.
 */
class DatabaseOutageEndToEndTest {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void anOutageIsA503AndTheServerRecoversOnItsOwn() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs a networked database");
        Map<String, Object> database = new HashMap<>(TestDatabase.freshDatabaseProperties());
        try (TcpProxy proxy = reachThroughProxy(database)) {
            try (TestGatehouse gatehouse = TestGatehouse.startOn(database, Map.of())) {
                gatehouse.signUp("outage@example.com");
                String cookie = gatehouse.login("outage@example.com");

                proxy.stop();

                long started = System.nanoTime();
                var me = gatehouse.request("GET", "/api/v1/me").session(cookie).send();
                var login = gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"outage@example.com\",\"password\":\"x\"}");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                me.problem(503, "service_unavailable");
                login.problem(503, "service_unavailable");
                assertThat(me.header("Retry-After")).isEqualTo("5");
                assertThat(me.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("postgres");
                assertThat(took).as("two requests, each bounded by the pool's connection timeout")
                        .isLessThan(CONNECTION_TIMEOUT.multipliedBy(2).plusSeconds(5));
                var health = gatehouse.get("/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");

                proxy.start();

                assertThat(meOnceServingAgain(gatehouse, cookie)).as("serving again without a restart").isEqualTo(200);
                gatehouse.get("/health").expect(200);
            }
        }
    }

    @Test
    void aDatabaseThatStopsAnsweringFailsTheRequestAfterTheSocketTimeout() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs a networked database");
        Map<String, Object> database = new HashMap<>(TestDatabase.freshDatabaseProperties());
        try (TcpProxy proxy = reachThroughProxy(database)) {
            // Two connections (Flyway needs both at start-up). Sequential requests keep taking the first,
            // and a connection used less than 500 ms ago is handed out without a validation query, so
            // the request's own query is what meets the hung database: without a socket timeout it
            // would wait forever, and the test client gives up after 30 s.
            database.put("datasources.default.maximum-pool-size", 2);
            try (TestGatehouse gatehouse = TestGatehouse.startOn(database, Map.of("gatehouse.db.socket-timeout", SOCKET_TIMEOUT.toString()))) {
                gatehouse.signUp("hang@example.com");
                String cookie = gatehouse.login("hang@example.com");
                gatehouse.request("GET", "/api/v1/me").session(cookie).send().expect(200);

                proxy.freeze();

                long started = System.nanoTime();
                var me = gatehouse.request("GET", "/api/v1/me").session(cookie).send();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                me.problem(503, "service_unavailable");
                assertThat(took).as("bounded by the socket timeout, not by the database").isLessThan(SOCKET_TIMEOUT.plusSeconds(8));

                proxy.thaw();

                assertThat(meOnceServingAgain(gatehouse, cookie)).as("serving again without a restart").isEqualTo(200);
            }
        }
    }

    /** Points the data source at a new proxy in front of the database (and a short pool timeout); the caller closes the proxy. */
    private static TcpProxy reachThroughProxy(Map<String, Object> database) throws IOException {
        String url = (String) database.get("datasources.default.url");
        URI target = URI.create(url.substring("jdbc:".length()));
        TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort());
        database.put("datasources.default.url", url.replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port()));
        database.put("datasources.default.connection-timeout", CONNECTION_TIMEOUT.toMillis());
        return proxy;
    }

    /** GET /me until it answers 200 or 20 s pass; the last status. */
    private static int meOnceServingAgain(TestGatehouse gatehouse, String cookie) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        int status = gatehouse.request("GET", "/api/v1/me").session(cookie).send().status();
        while (status != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            status = gatehouse.request("GET", "/api/v1/me").session(cookie).send().status();
        }
        return status;
    }
}
