package io.gatehouse.domain.model;

import java.util.Objects;

/**
 * Why a SAML response was refused: a stable {@code saml_*} code for the client, and a detail for the
 * workspace's SSO event log that says what was expected and what arrived. Thrown without a stack
 * trace: it is an expected outcome, not a fault.
 */
public final class SsoRejection extends RuntimeException {

    private final ErrorCode code;
    private final String detail;

    public SsoRejection(ErrorCode code, String detail) {
        super(code.code() + ": " + detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
