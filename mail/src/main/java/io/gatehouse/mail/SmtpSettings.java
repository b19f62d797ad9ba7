package io.gatehouse.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * An SMTP relay: host and port, optional credentials, whether STARTTLS is required (RFC 3207), the
 * sender address, and a timeout on connecting, reading and writing, so that a relay that hangs fails
 * a delivery (to be retried) instead of holding the sender forever.
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, String from, Duration timeout) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password=redacted, startTls=" + startTls
                + ", from=" + from + ", timeout=" + timeout + "]";
    }

    Properties javaMailProperties() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        String millis = Long.toString(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.auth", Boolean.toString(username != null && !username.isBlank()));
        // Never send credentials or messages in the clear to a relay that announced STARTTLS and failed it.
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        return properties;
    }
}
