package io.gatehouse.mail;

import io.gatehouse.domain.model.QueuedMail;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/** Outbox messages as micronaut-email composes them: multipart/alternative, plain text and HTML, UTF-8. */
final class MailMessages {

    /** The outbox id travels with the message, so that a receiver can tell a re-delivery from a new message. */
    static final String OUTBOX_ID_HEADER = "X-Gatehouse-Outbox-Id";

    private final Contact from;
    private final JavaxEmailComposer composer;

    MailMessages(String from, SessionProvider sessions) {
        this.from = contact(from);
        this.composer = new JavaxEmailComposer(sessions, new DefaultMessageComposer());
    }

    Email email(QueuedMail queued) {
        return Email.builder().from(from).to(queued.mail().to().value()).subject(queued.mail().subject())
                .body(new MultipartBody(queued.mail().html(), queued.mail().text())).build();
    }

    Message compose(QueuedMail queued) throws MessagingException {
        Message message = composer.compose(email(queued));
        stamp(message, queued);
        return message;
    }

    static void stamp(Message message, QueuedMail queued) {
        try {
            message.setHeader(OUTBOX_ID_HEADER, queued.id().toString());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot set a header on a new message", e);
        }
    }

    /** {@code Name <address>} or a bare address. */
    static Contact contact(String from) {
        String trimmed = from.strip();
        int open = trimmed.lastIndexOf('<');
        if (open > 0 && trimmed.endsWith(">")) {
            return new Contact(trimmed.substring(open + 1, trimmed.length() - 1).strip(), trimmed.substring(0, open).strip());
        }
        return new Contact(trimmed);
    }
}
