package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.port.out.MailTransport;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real SMTP path against GreenMail, the refusals a relay outage produces, and the .eml fallback. */
class MailTransportTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    private static final QueuedMail MAIL = new QueuedMail(UUID.randomUUID(), new OutgoingMail(OutgoingMail.Kind.EMAIL_VERIFICATION,
            new Email("ann@acme.test"), "Confirm your email", "Open https://login.test/verify-email?token=abc",
            "<p>Open <a href=\"https://login.test/verify-email?token=abc\">this link</a></p>"), Instant.now(), 0, 0);

    @Test
    void aMessageArrivesAtTheRelayWithTextHtmlAndItsOutboxId() throws Exception {
        transport(SMTP.getSmtp().getPort()).deliver(MAIL);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Confirm your email");
        assertThat(message.getFrom()[0].toString()).contains("no-reply@login.test").contains("Gatehouse");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ann@acme.test");
        assertThat(message.getHeader(MailMessages.OUTBOX_ID_HEADER)[0]).isEqualTo(MAIL.id().toString());
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html")
                .contains("verify-email?token=abc");
    }

    @Test
    void aRelayThatIsDownIsADeliveryFailureNamingTheCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> transport(closedPort).deliver(MAIL)).isInstanceOf(MailTransport.DeliveryFailed.class)
                .hasMessageContaining("ConnectException").hasMessageNotContaining("token=abc");
    }

    @Test
    void twoRelaysInOneJvmEachGetTheirOwnMessages() throws Exception {
        com.icegreen.greenmail.util.GreenMail other = new com.icegreen.greenmail.util.GreenMail(
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        other.start();
        try {
            transport(SMTP.getSmtp().getPort()).deliver(MAIL);
            transport(other.getSmtp().getPort()).deliver(MAIL);

            assertThat(SMTP.getReceivedMessages()).hasSize(1);
            assertThat(other.getReceivedMessages()).hasSize(1);
        } finally {
            other.stop();
        }
    }

    @Test
    void withoutARelayEachMessageIsAnEmlFileThatARedeliveryReplaces(@TempDir Path directory) throws Exception {
        EmlFileMailTransport files = new EmlFileMailTransport(directory.resolve("outbox"), "no-reply@login.test");

        files.deliver(MAIL);
        files.deliver(MAIL);

        try (var listed = Files.list(directory.resolve("outbox"))) {
            assertThat(listed.toList()).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).isEqualTo(MAIL.id() + ".eml");
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
                    assertThat(message.getSubject()).isEqualTo("Confirm your email");
                    assertThat(GreenMailUtil.getWholeMessage(message)).contains("verify-email?token=abc");
                }
            });
        }
    }

    private static SmtpMailTransport transport(int port) {
        return new SmtpMailTransport(new SmtpSettings("127.0.0.1", port, null, null, false, "Gatehouse <no-reply@login.test>",
                Duration.ofSeconds(5)), Executors.newSingleThreadExecutor());
    }
}
