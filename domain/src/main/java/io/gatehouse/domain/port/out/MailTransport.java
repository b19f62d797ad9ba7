package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.QueuedMail;

/** Hands a message over for delivery: to an SMTP relay, or to a file the operator reads. */
public interface MailTransport {

    /**
     * @throws DeliveryFailed when the message was not accepted (relay down, refused, timed out): the
     *                        outbox keeps it and tries again later
     */
    void deliver(QueuedMail mail) throws DeliveryFailed;

    /** The relay did not take the message; {@code getMessage()} says why, without any content of the message. */
    final class DeliveryFailed extends Exception {
        public DeliveryFailed(String reason) {
            super(reason, null, false, false);
        }
    }
}
