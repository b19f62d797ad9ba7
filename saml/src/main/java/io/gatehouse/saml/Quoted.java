package io.gatehouse.saml;

/**
 * A value taken from a SAML message, made safe to put into an SSO event detail: control characters
 * replaced and length bounded, so that a hostile response cannot forge log lines or flood the log.
 */
final class Quoted {

    private static final int MAX = 160;

    private Quoted() {
    }

    static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 2).append('\'');
        for (int i = 0; i < value.length() && i < MAX; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX) {
            out.append('…');
        }
        return out.append('\'').toString();
    }
}
