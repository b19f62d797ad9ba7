package io.gatehouse.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * An email address in its canonical form: trimmed and lower-cased, so that uniqueness is
 * case-insensitive everywhere (the database enforces it on this canonical value).
 *
 * <p>The syntax check is deliberately pragmatic rather than full RFC 5322: one {@code @}, a
 * non-empty local part of at most 64 octets (RFC 5321 4.5.3.1.1), a domain with at least one dot
 * and labels of letters, digits and hyphens, at most 254 characters in all (RFC 5321 4.5.3.1.3
 * errata), and no whitespace or control characters.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;

    public Email {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a canonical email address");
        }
    }

    /** The canonical email for user input, or empty when it is not a usable address. */
    public static Optional<Email> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String canonical = raw.strip().toLowerCase(Locale.ROOT);
        return isValid(canonical) ? Optional.of(new Email(canonical)) : Optional.empty();
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    private static boolean isValid(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        if (!candidate.equals(candidate.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int at = candidate.lastIndexOf('@');
        if (at <= 0 || at > 64 || candidate.indexOf('@') != at) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || c == '<' || c == '>' || c == '"'
                    || c == '\\' || c == ',' || c == ';' || c == '(' || c == ')') {
                return false;
            }
        }
        return isValidDomain(candidate.substring(at + 1));
    }

    private static boolean isValidDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!allowed) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
