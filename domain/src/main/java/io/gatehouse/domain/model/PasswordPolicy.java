package io.gatehouse.domain.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must satisfy. Length is what matters (NIST SP 800-63B 5.1.1.2: at least
 * 8, Gatehouse asks 10; allow at least 64, Gatehouse allows 256; no composition rules), plus a
 * refusal of the password being the account's own email or one of the most common passwords of
 * that length.
 */
public record PasswordPolicy(int minLength, int maxLength) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(10, 256);

    private static final Set<String> COMMON = Set.of(
            "1234567890", "12345678910", "123456789a", "0123456789", "1q2w3e4r5t", "qwertyuiop",
            "password123", "password12", "password1!", "passw0rd123", "iloveyou123", "qwerty1234",
            "qwerty12345", "1qaz2wsx3edc", "abcdefghij", "aaaaaaaaaa", "1111111111", "0000000000",
            "letmein123", "welcome123", "administrator", "changeme123", "football123", "princess123");

    public PasswordPolicy {
        if (minLength < 8 || maxLength < minLength || maxLength > 1024) {
            throw new IllegalArgumentException("password length bounds out of range");
        }
    }

    /** Why this password is refused, or empty when it is acceptable. */
    public Optional<String> weakness(String password, Email email) {
        if (password == null) {
            return Optional.of("password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of("password must have at least " + minLength + " characters");
        }
        if (length > maxLength) {
            return Optional.of("password must have at most " + maxLength + " characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            return Optional.of("password is too common");
        }
        if (email != null && (folded.equals(email.value()) || folded.equals(email.value().substring(0, email.value().indexOf('@'))))) {
            return Optional.of("password must not be the email address");
        }
        if (folded.codePoints().distinct().count() < 3) {
            return Optional.of("password repeats too few characters");
        }
        return Optional.empty();
    }

    /** Whether a presented password is even worth hashing (an over-long one never matches). */
    public boolean isPresentable(String password) {
        return password != null && !password.isEmpty() && password.length() <= maxLength * 2;
    }
}
