package io.gatehouse.domain.model;

/**
 * Every stable, machine-readable error code Gatehouse reports. The string is the {@code code}
 * member of an RFC 9457 problem document; clients may rely on it, so never rename one.
 */
public enum ErrorCode {
    INVALID_EMAIL("invalid_email"),
    WEAK_PASSWORD("weak_password"),
    EMAIL_TAKEN("email_taken"),
    INVALID_CREDENTIALS("invalid_credentials"),
    ACCOUNT_SUSPENDED("account_suspended"),
    TOO_MANY_ATTEMPTS("too_many_attempts"),
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    CSRF_ORIGIN_MISMATCH("csrf_origin_mismatch"),
    INVALID_REDIRECT("invalid_redirect"),
    VALIDATION_FAILED("validation_failed"),
    MALFORMED_REQUEST("malformed_request"),
    PAYLOAD_TOO_LARGE("payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
    NOT_FOUND("not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    USER_NOT_FOUND("user_not_found"),
    INVALID_TOKEN("invalid_token"),
    VERSION_CONFLICT("version_conflict"),
    LAST_OWNER("last_owner"),
    ALREADY_MEMBER("already_member"),
    DOMAIN_TAKEN("domain_taken"),
    SSO_NOT_CONFIGURED("sso_not_configured"),
    SERVICE_UNAVAILABLE("service_unavailable"),
    INTERNAL_ERROR("internal_error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
