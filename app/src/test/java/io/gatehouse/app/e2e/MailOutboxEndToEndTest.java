package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.gatehouse.persistence.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Mail through a real SMTP server (GreenMail, in process): a message arrives; an SMTP outage delays
 * mail and loses none; a node that stops mid-delivery leaves its message to another node, which sends
 * it once; two nodes draining one outbox never send a message twice.
 */
class MailOutboxEndToEndTest {

    @Test
    void theVerificationMessageArrivesOverSmtpWithAWorkingLink() throws Exception {
        GreenMail smtp = smtp(freePort());
        smtp.start();
        try (TestGatehouse gatehouse = TestGatehouse.start(relay(smtp.getSmtp().getPort()))) {
            gatehouse.signUp("ann@smtp.test");

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("outbox: %s %s", gatehouse.column("SELECT status FROM mail_outbox"),
                    gatehouse.column("SELECT last_error FROM mail_outbox")).isTrue();
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("Confirm your email address");
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ann@smtp.test");
            assertThat(message.getFrom()[0].toString()).contains("no-reply@localhost");
            String token = GreenMailUtil.getBody(message).replaceAll("(?s).*verify-email\\?token=3D([A-Za-z0-9_-]+).*|(?s).*verify-email\\?token=([A-Za-z0-9_-]+).*", "$1$2");
            gatehouse.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").expect(200);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anSmtpOutageDelaysMailAndLosesNone() throws Exception {
        int port = freePort();
        try (TestGatehouse gatehouse = TestGatehouse.start(relay(port))) {
            gatehouse.signUp("outage@smtp.test");
            awaitTrue(() -> gatehouse.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND attempts >= 2", "outage@smtp.test") == 1);
            assertThat(gatehouse.column("SELECT status FROM mail_outbox WHERE recipient = ?", "outage@smtp.test")).containsExactly("pending");
            assertThat(gatehouse.column("SELECT last_error FROM mail_outbox WHERE recipient = ?", "outage@smtp.test").get(0))
                    .contains("Connect");
            assertThat(gatehouse.get("/metrics").body()).containsPattern("gatehouse_mail_messages_total\\{event=\"failed\"[^}]*} [1-9]")
                    .containsPattern("gatehouse_mail_queued[^ ]* [1-9]");

            GreenMail smtp = smtp(port);
            smtp.start();
            try {
                assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
                awaitTrue(() -> gatehouse.column("SELECT status FROM mail_outbox WHERE recipient = ?", "outage@smtp.test").equals(List.of("sent")));
                Thread.sleep(500);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
                assertThat(gatehouse.column("SELECT text_body FROM mail_outbox WHERE recipient = ?", "outage@smtp.test"))
                        .as("a sent message keeps no link").containsExactly("");
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void aNodeStoppedMidDeliveryLeavesTheMessageToAnotherWhichSendsItOnce() throws Exception {
        Map<String, Object> database = new HashMap<>(TestDatabase.freshDatabaseProperties());
        database.put("gatehouse.master-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        database.put("gatehouse.mail.claim-lease", "2s");
        try (BlackholeSmtp blackhole = new BlackholeSmtp()) {
            Map<String, Object> stalling = new HashMap<>(relay(blackhole.port()));
            stalling.put("gatehouse.smtp.timeout", "20s");
            TestGatehouse first = TestGatehouse.startOn(database, stalling);
            first.signUp("midway@smtp.test");
            awaitTrue(() -> first.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND version > 0", "midway@smtp.test") == 1);
            awaitTrue(() -> blackhole.connections() > 0);
            first.close();

            GreenMail smtp = smtp(freePort());
            smtp.start();
            try (TestGatehouse second = TestGatehouse.startOn(database, relay(smtp.getSmtp().getPort()))) {
                assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
                awaitTrue(() -> second.column("SELECT status FROM mail_outbox WHERE recipient = ?", "midway@smtp.test").equals(List.of("sent")));
                Thread.sleep(1000);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void twoNodesDrainingOneOutboxNeverSendAMessageTwice() throws Exception {
        GreenMail smtp = smtp(freePort());
        smtp.start();
        List<TestGatehouse> nodes = TestGatehouse.cluster(2, relay(smtp.getSmtp().getPort()));
        try {
            int messages = 24;
            for (int i = 0; i < messages; i++) {
                nodes.get(i % 2).signUp("user" + i + "@two-nodes.test");
            }
            assertThat(smtp.waitForIncomingEmail(20_000, messages)).isTrue();
            Thread.sleep(1000);

            List<String> outboxIds = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                outboxIds.add(message.getHeader("X-Gatehouse-Outbox-Id")[0]);
            }
            assertThat(outboxIds).hasSize(messages).doesNotHaveDuplicates();
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
                try {
                    return m.getAllRecipients()[0].toString();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct()).hasSize(messages);
        } finally {
            nodes.forEach(TestGatehouse::close);
            smtp.stop();
        }
    }

    private static Map<String, Object> relay(int port) {
        return Map.of("gatehouse.smtp.host", "127.0.0.1", "gatehouse.smtp.port", port, "gatehouse.smtp.starttls", false,
                "gatehouse.smtp.timeout", "2s", "gatehouse.mail.first-retry", "200ms", "gatehouse.mail.max-retry", "400ms");
    }

    private static GreenMail smtp(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(50);
        }
    }

    /** An "SMTP server" that accepts connections and never says a word: a delivery to it hangs until its timeout. */
    private static final class BlackholeSmtp implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        BlackholeSmtp() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "blackhole-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
