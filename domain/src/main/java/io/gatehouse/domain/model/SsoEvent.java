package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One SSO login attempt at a workspace's ACS, kept so that a workspace admin can see why a login
 * failed. {@code code} is the stable reason ({@code saml_audience_mismatch}, or {@code ok}); {@code
 * detail} says what was expected and what arrived. Neither ever holds a secret: SAML assertions
 * carry none that Gatehouse would copy here (no signature values, no keys, no cookie).
 *
 * <p>Repeated identical failures (same code, email and client) are folded into one event: {@code
 * count} says how many attempts it stands for, {@code firstAt} when the first of them came and
 * {@code at} (with {@code detail}) the newest.
 */
public record SsoEvent(WorkspaceId workspaceId, Instant at, Outcome outcome, String code, String detail, String email, String ip,
                       int count, Instant firstAt) {

    public static final int MAX_DETAIL_LENGTH = 1000;
    public static final int MAX_LISTED = 200;
    public static final String CODE_OK = "ok";

    public SsoEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(firstAt, "firstAt");
        if (count < 1) {
            throw new IllegalArgumentException("an event stands for at least one attempt");
        }
        detail = detail == null ? "" : clip(detail, MAX_DETAIL_LENGTH);
        email = email == null ? null : clip(email, Email.MAX_LENGTH);
    }

    /** A single attempt. */
    public SsoEvent(WorkspaceId workspaceId, Instant at, Outcome outcome, String code, String detail, String email, String ip) {
        this(workspaceId, at, outcome, code, detail, email, ip, 1, at);
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
