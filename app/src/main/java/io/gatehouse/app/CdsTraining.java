package io.gatehouse.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build's training run for the ahead-of-time cache ({@code -Dgatehouse.cds-training=true}, see
 * the app POM): once the server is up, drive one sign-up, login, profile and health request through
 * it so that the classes a real first request needs are loaded and their methods profiled, then exit,
 * which makes the JVM write the cache ({@code -XX:AOTCacheOutput}, JDK 25). Never active in normal
 * operation.
 */
@Singleton
@Requires(property = "gatehouse.cds-training", value = "true")
class CdsTraining {

    private static final Logger LOG = LoggerFactory.getLogger(CdsTraining.class);

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        Thread trainer = new Thread(() -> train(server), "cds-training");
        trainer.setDaemon(true);
        trainer.start();
    }

    private static void train(EmbeddedServer server) {
        int status = 0;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + server.getPort();
            String account = "{\"email\":\"cds-training@example.com\",\"password\":\"cds training passphrase\"}";
            send(http, HttpRequest.newBuilder(URI.create(base + "/health")).GET());
            send(http, json(base + "/api/v1/signup", account));
            HttpResponse<String> login = send(http, json(base + "/api/v1/auth/login", account));
            String cookie = login.headers().firstValue("Set-Cookie").orElse("").split(";", 2)[0];
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Cookie", cookie).GET());
            send(http, json(base + "/api/v1/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"x\"}"));
            LOG.info("CDS training run complete");
        } catch (Exception e) {
            LOG.error("CDS training run failed", e);
            status = 1;
        }
        System.exit(status);
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
