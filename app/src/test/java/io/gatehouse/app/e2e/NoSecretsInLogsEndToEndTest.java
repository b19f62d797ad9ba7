package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.gatehouse.saml.TestIdentityProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** After a full flow with Gatehouse and security logging at DEBUG, no secret appears in any log line. */
class NoSecretsInLogsEndToEndTest {

    @Test
    void noPasswordTokenSecretOrPrivateKeyIsEverLogged() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        root.addAppender(captured);
        logging.getLogger("io.gatehouse").setLevel(Level.DEBUG);
        logging.getLogger("io.micronaut.security").setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try (TestGatehouse gatehouse = TestGatehouse.start()) {
            String workspace = (String) ((Map<?, ?>) gatehouse.postJson("/api/v1/signup", "{\"email\":\"quiet@example.com\",\"password\":\""
                    + PASSWORD + "\",\"workspace_name\":\"Quiet\"}").expect(201).json().get("workspace")).get("id");
            secrets.add(PASSWORD);
            String cookie = gatehouse.login("quiet@example.com");
            secrets.add(cookie);
            gatehouse.postJson("/api/v1/auth/login", "{\"email\":\"quiet@example.com\",\"password\":\"a wrong passphrase\"}")
                    .problem(401, "invalid_credentials");
            secrets.add("a wrong passphrase");
            var pair = gatehouse.postJson("/api/v1/auth/jwt", "{\"username\":\"quiet@example.com\",\"password\":\"" + PASSWORD + "\"}")
                    .expect(201).json();
            secrets.add((String) pair.get("access"));
            secrets.add((String) pair.get("refresh"));
            var rotated = gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + pair.get("refresh") + "\"}").expect(201).json();
            secrets.add((String) rotated.get("refresh"));
            gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + pair.get("refresh") + "\"}").problem(401, "invalid_token");
            String apiToken = (String) gatehouse.request("POST", "/api/v1/me/api-tokens").session(cookie).json("{}").send()
                    .expect(201).json().get("access_token");
            secrets.add(apiToken);
            gatehouse.get("/api/v1/me", "Authorization", "Bearer " + apiToken).expect(200);
            var developer = gatehouse.request("POST", "/api/v1/developer/api-access").session(cookie).send().expect(201).json();
            secrets.add((String) developer.get("api_secret"));
            gatehouse.postJson("/api/v1/developer/sign-in", "{\"api_key\":\"" + developer.get("api_key") + "\",\"api_secret\":\""
                    + developer.get("api_secret") + "\"}").expect(200);
            gatehouse.request("POST", "/api/v1/me/password").session(cookie)
                    .json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"another fine passphrase\"}").send().expect(204);
            secrets.add("another fine passphrase");
            SsoWorkspace sso = SsoWorkspace.create(gatehouse, new TestIdentityProvider("Quiet IdP"), Map.of());
            String linked = "linked@" + sso.domain;
            gatehouse.signUp(linked);
            String verification = gatehouse.awaitLinkToken(linked, "/verify-email?token=");
            secrets.add(verification);
            gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + verification + "\"}").expect(200);
            gatehouse.postJson("/api/v1/auth/password-reset", "{\"email\":\"" + linked + "\"}").expect(202);
            String reset = gatehouse.awaitLinkToken(linked, "/reset-password?token=");
            secrets.add(reset);
            gatehouse.postJson("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + reset + "\",\"new_password\":\"" + PASSWORD
                    + "\"}").expect(204);
            String code = (String) sso.login(linked).problem(409, "sso_link_confirmation_required").get("confirmation_code");
            secrets.add(code);
            secrets.add(gatehouse.postJson("/api/v1/me/enable_sso", "{\"confirmation_code\":\"" + code + "\",\"password\":\""
                    + PASSWORD + "\"}").expect(200).cookie("gatehouse_session"));
            secrets.add(sso.login("jit@" + sso.domain).expect(200).cookie("gatehouse_session"));
            gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/sso").session(cookie)
                    .json("{\"idp_entity_id\":\"https://idp.example\",\"idp_sso_url\":\"https://idp.example/sso\",\"idp_certificates\":[\"bad\"]}")
                    .send().problem(400, "validation_failed");
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootLevel);
            logging.getLogger("io.gatehouse").setLevel(null);
            logging.getLogger("io.micronaut.security").setLevel(null);
        }

        assertThat(captured.list).as("the flow logged something to check").isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(line).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
            }
            assertThat(line).doesNotContain("PRIVATE KEY");
        }
    }
}
