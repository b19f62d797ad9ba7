package io.gatehouse.mail;

import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.port.out.MailTransport;
import io.micronaut.email.EmailException;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.concurrent.ExecutorService;

/** Delivers through an SMTP relay with micronaut-email's Jakarta Mail sender. */
public final class SmtpMailTransport implements MailTransport {

    private final JavaxEmailSender sender;
    private final MailMessages messages;

    /** @param executor used by micronaut-email only for its asynchronous API, which Gatehouse does not call */
    public SmtpMailTransport(SmtpSettings settings, ExecutorService executor) {
        Authenticator authenticator = settings.username() == null || settings.username().isBlank() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password() == null ? "" : settings.password());
            }
        };
        // One Session per relay. micronaut-email's DefaultSessionProvider uses Session.getDefaultInstance, a JVM-wide
        // singleton that keeps the first configuration it was given: a second relay in the same JVM would reuse it.
        Session session = Session.getInstance(settings.javaMailProperties(), authenticator);
        SessionProvider sessions = () -> session;
        this.sender = new JavaxEmailSender(executor, new JavaxEmailComposer(sessions, new DefaultMessageComposer()));
        this.messages = new MailMessages(settings.from(), sessions);
    }

    @Override
    public void deliver(QueuedMail mail) throws DeliveryFailed {
        try {
            sender.send(messages.email(mail), message -> MailMessages.stamp(message, mail));
        } catch (EmailException e) {
            throw new DeliveryFailed(reason(e));
        }
    }

    /** The relay's own words (or the network error), never the message. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s+", " ").strip();
        return root.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text);
    }
}
