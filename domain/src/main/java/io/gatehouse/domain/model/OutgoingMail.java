package io.gatehouse.domain.model;

import java.util.Objects;

/**
 * A message Gatehouse sends to a person: one recipient, a subject and the same content as plain text
 * and as HTML. It carries single-use links, so it is never logged; the outbox forgets its bodies once
 * it was sent.
 *
 * @param kind what the message is for (a fixed vocabulary, fit for a metric tag)
 */
public record OutgoingMail(Kind kind, Email to, String subject, String text, String html) {

    public OutgoingMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "OutgoingMail[kind=" + kind + ", to=" + to + ", subject=" + subject + ", bodies=redacted]";
    }

    public enum Kind implements WireNamed {
        EMAIL_VERIFICATION,
        PASSWORD_RESET,
        INVITATION
    }
}
