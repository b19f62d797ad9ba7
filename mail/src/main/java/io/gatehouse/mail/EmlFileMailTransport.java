package io.gatehouse.mail;

import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.port.out.MailTransport;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * With no SMTP relay configured (the embedded default), each message becomes {@code <dir>/<id>.eml}:
 * the exact RFC 5322 message a relay would have received, readable in any mail client. Written to a
 * temporary file and moved into place, so a reader never sees half a message and a re-delivery of the
 * same message replaces its file instead of adding one.
 */
public final class EmlFileMailTransport implements MailTransport {

    private final Path directory;
    private final MailMessages messages;

    public EmlFileMailTransport(Path directory, String from) {
        this.directory = directory;
        Session session = Session.getInstance(new Properties());
        this.messages = new MailMessages(from, () -> session);
    }

    @Override
    public void deliver(QueuedMail mail) throws DeliveryFailed {
        try {
            Files.createDirectories(directory);
            Message message = messages.compose(mail);
            message.saveChanges();
            Path target = directory.resolve(mail.id() + ".eml");
            Path partial = Files.createTempFile(directory, ".sending-", ".tmp");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new DeliveryFailed("cannot write to " + directory + ": " + e.getClass().getSimpleName());
        }
    }
}
