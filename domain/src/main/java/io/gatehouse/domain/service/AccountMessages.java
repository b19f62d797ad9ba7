package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.Role;
import java.time.Duration;

/**
 * The messages Gatehouse sends, as plain text and HTML. Links point at the hosted pages under the
 * public URL, which show what will happen and act only on a button press (a mail scanner that fetches
 * the link changes nothing). Text that users chose (workspace names) is HTML-escaped.
 */
public final class AccountMessages {

    private final PublicUrl publicUrl;

    public AccountMessages(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    OutgoingMail emailVerification(Email to, String token, Duration lifetime) {
        String link = publicUrl.resolve("/verify-email?token=" + token);
        return mail(OutgoingMail.Kind.EMAIL_VERIFICATION, to, "Confirm your email address",
                "Confirm that " + to.value() + " is your address by opening this link within " + hours(lifetime) + ":",
                link, "Confirm my email address",
                "If you did not create an account, ignore this message: nothing happens without the link.");
    }

    OutgoingMail passwordReset(Email to, String token, Duration lifetime) {
        String link = publicUrl.resolve("/reset-password?token=" + token);
        return mail(OutgoingMail.Kind.PASSWORD_RESET, to, "Reset your password",
                "Someone asked to reset the password of " + to.value() + ". To choose a new one, open this link within "
                        + minutes(lifetime) + ":", link, "Choose a new password",
                "If it was not you, ignore this message: your password stays as it is. Resetting it signs out every session.");
    }

    OutgoingMail invitation(Email to, String workspaceName, Email invitedBy, Role role, Duration lifetime) {
        String link = publicUrl.resolve("/invitations");
        return mail(OutgoingMail.Kind.INVITATION, to, "You are invited to join " + workspaceName,
                invitedBy.value() + " invited " + to.value() + " to join the workspace \"" + workspaceName + "\" as " + role.wireName()
                        + ". The invitation is open for " + Math.max(1, lifetime.toDays()) + " day(s); sign in with this address to accept it:",
                link, "See my invitations",
                "You need to confirm this email address before accepting. If you do not know the sender, ignore this message.");
    }

    private static OutgoingMail mail(OutgoingMail.Kind kind, Email to, String subject, String intro, String link, String action,
                                     String footer) {
        String text = intro + "\n\n" + link + "\n\n" + footer + "\n";
        String html = "<!doctype html><html><body style=\"font-family:sans-serif\"><p>" + escape(intro) + "</p>"
                + "<p><a href=\"" + escape(link) + "\">" + escape(action) + "</a></p>"
                + "<p style=\"color:#555\">" + escape(footer) + "</p></body></html>";
        return new OutgoingMail(kind, to, subject.length() > 200 ? subject.substring(0, 200) : subject, text, html);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String hours(Duration duration) {
        return duration.toHours() >= 1 ? duration.toHours() + " hours" : minutes(duration);
    }

    private static String minutes(Duration duration) {
        return Math.max(1, duration.toMinutes()) + " minutes";
    }
}
