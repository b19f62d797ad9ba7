package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoRejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opensaml.saml.saml2.core.AuthnStatement;

/**
 * How fresh a response must be. SAML core 3.2.2 makes IssueInstant a required attribute of every
 * protocol message (and 2.3.3 of every assertion) and profiles 4.1.4.2/4.1.4.3 leave it to the SP to
 * bound how old a message it accepts: without such a bound, a signed response whose validity window
 * was stretched, or one issued long before its request, logs in. Checked with the injected clock
 * (SAML-NOTES 7), with the same skew as the other time checks.
 */
final class MessageFreshness {

    private MessageFreshness() {
    }

    /** A Response or Assertion IssueInstant: present, not in the future, not older than {@code maxAge}. */
    static Instant issueInstant(Instant issued, String element, Instant now, Duration skew, Duration maxAge) {
        if (issued == null) {
            throw new SsoRejection(ErrorCode.SAML_MALFORMED, "the " + element + " has no IssueInstant (required by SAML core 3.2.2 / 2.3.3)");
        }
        withinBounds(issued, element + " IssueInstant", now, skew, maxAge, "maximum message age");
        return issued;
    }

    /**
     * SAML core 2.7.2: AuthnInstant is when the IdP authenticated the subject. Every AuthnStatement's
     * must lie within the authentication age; the newest is returned (the login this assertion reports).
     */
    static Instant authnInstant(List<AuthnStatement> statements, Instant now, Duration skew, Duration maxAge) {
        Instant newest = null;
        for (AuthnStatement statement : statements) {
            Instant instant = statement.getAuthnInstant();
            if (instant == null) {
                throw new SsoRejection(ErrorCode.SAML_MALFORMED, "an AuthnStatement has no AuthnInstant (required by SAML core 2.7.2)");
            }
            withinBounds(instant, "AuthnStatement AuthnInstant", now, skew, maxAge, "maximum authentication age");
            newest = newest == null || instant.isAfter(newest) ? instant : newest;
        }
        return newest;
    }

    private static void withinBounds(Instant instant, String what, Instant now, Duration skew, Duration maxAge, String limitName) {
        if (instant.isAfter(now.plus(skew))) {
            throw new SsoRejection(ErrorCode.SAML_NOT_YET_VALID, what + " is " + instant + ", "
                    + Duration.between(now, instant).toSeconds() + " s ahead of our clock (" + now + "); tolerated skew is "
                    + skew.toSeconds() + " s — check the IdP's clock");
        }
        Instant oldest = now.minus(maxAge).minus(skew);
        if (instant.isBefore(oldest)) {
            throw new SsoRejection(ErrorCode.SAML_EXPIRED, what + " is " + instant + ", " + Duration.between(instant, now).toSeconds()
                    + " s before our clock (" + now + "); the " + limitName + " is " + maxAge.toSeconds() + " s (+ "
                    + skew.toSeconds() + " s skew)");
        }
    }
}
