package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Every response carries a request id, and the log lines written while handling it carry the same id. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdEndToEndTest {

    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void aProxysShortIdIsKeptAnythingElseIsReplaced() {
        assertThat(gatehouse.get("/health", "X-Request-Id", "lb-7f3a.42").header("X-Request-Id")).isEqualTo("lb-7f3a.42");
        assertThat(gatehouse.get("/health").header("X-Request-Id")).matches(UUID_SHAPE);
        assertThat(gatehouse.get("/health", "X-Request-Id", "x".repeat(65)).header("X-Request-Id")).matches(UUID_SHAPE);
        assertThat(gatehouse.get("/health", "X-Request-Id", "a b\"c").header("X-Request-Id")).matches(UUID_SHAPE);
        assertThat(gatehouse.get("/api/v1/nope", "X-Request-Id", "on-errors-too").header("X-Request-Id")).isEqualTo("on-errors-too");
    }

    @Test
    void logLinesWrittenDuringARequestCarryItsId() {
        gatehouse.signUp("traced@example.com");
        String cookie = gatehouse.login("traced@example.com");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Logger security = logging.getLogger("io.micronaut.security");
        security.addAppender(captured);
        security.setLevel(Level.DEBUG);
        try {
            gatehouse.request("GET", "/api/v1/me").session(cookie).headers("X-Request-Id", "trace-42").send().expect(200);
        } finally {
            security.detachAppender(captured);
            security.setLevel(null);
        }

        assertThat(captured.list).isNotEmpty().allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "trace-42"));
    }
}
