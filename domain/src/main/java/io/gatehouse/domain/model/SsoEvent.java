package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One SSO login attempt at a workspace's ACS, kept so that a workspace admin can see why a login
 * failed. {@code code} is the stable reason ({@code saml_audience_mismatch}, or {@code ok}); {@code
 * detail} says what was expected and what arrived. Neither ever holds a secret: SAML assertions
 * carry none that Gatehouse would copy here (no signature values, no keys, no cookie).
 */
public record SsoEvent(WorkspaceId workspaceId, Instant at, Outcome outcome, String code, String detail, String email, String ip) {

    public static final int MAX_DETAIL_LENGTH = 1000;
    public static final int MAX_LISTED = 200;
    public static final String CODE_OK = "ok";

    public SsoEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : clip(detail, MAX_DETAIL_LENGTH);
        email = email == null ? null : clip(email, Email.MAX_LENGTH);
    }

    public enum Outcome implements WireNamed {
        SUCCESS,
        FAILURE,
        /** An existing account must confirm with its password before the identity is linked. */
        CONFIRMATION_REQUIRED
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
