package io.gatehouse.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of the links Gatehouse mails and limits on how often they can be asked for.
 *
 * @param verificationLifetime an email verification link (default 24 h)
 * @param resetLifetime a password reset link (default 30 min: it is a credential)
 * @param invitationLifetime a workspace invitation
 * @param maxVerificationMails verification messages one account may ask for within {@code window}
 * @param maxResetsPerEmail reset requests for one address within {@code window}
 * @param maxResetsPerIp reset requests from one client address within {@code window}
 */
public record AccountMailPolicy(Duration verificationLifetime, Duration resetLifetime, Duration invitationLifetime,
                                int maxVerificationMails, int maxResetsPerEmail, int maxResetsPerIp, Duration window) {

    public AccountMailPolicy {
        Objects.requireNonNull(verificationLifetime, "verificationLifetime");
        Objects.requireNonNull(resetLifetime, "resetLifetime");
        Objects.requireNonNull(invitationLifetime, "invitationLifetime");
        Objects.requireNonNull(window, "window");
        if (maxVerificationMails < 1 || maxResetsPerEmail < 1 || maxResetsPerIp < 1 || window.isZero() || window.isNegative()
                || verificationLifetime.isZero() || resetLifetime.isZero() || invitationLifetime.isZero()) {
            throw new IllegalArgumentException("account mail limits must be positive");
        }
    }
}
