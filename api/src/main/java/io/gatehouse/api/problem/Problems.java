package io.gatehouse.api.problem;

import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The single mapping from Gatehouse error codes to HTTP statuses and RFC 9457 documents. Nothing
 * else in the code base decides what status an error code has.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.of(PROBLEM_JSON);
    private static final String TYPE_PREFIX = "urn:gatehouse:problem:";

    private Problems() {
    }

    /**
     * Every code has its status here, listed explicitly: the switch has no {@code default}, so a code
     * added to {@link ErrorCode} without a status does not compile (rather than silently becoming a 401).
     */
    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_EMAIL, WEAK_PASSWORD, INVALID_REDIRECT, VALIDATION_FAILED, MALFORMED_REQUEST, UNKNOWN_PROVIDER, NOT_LINKED,
                 INVALID_DOMAIN, PUBLIC_DOMAIN -> HttpStatus.BAD_REQUEST;
            case INVALID_CREDENTIALS, UNAUTHENTICATED, INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
            // The ACS's refusals (the reason goes to the workspace's sso/events, the client gets the code).
            case SAML_RESPONSE_TOO_LARGE, SAML_MALFORMED, SAML_STATUS_NOT_SUCCESS, SAML_ISSUER_MISMATCH, SAML_DESTINATION_MISMATCH,
                 SAML_SIGNATURE_MISSING, SAML_SIGNATURE_INVALID, SAML_ALGORITHM_NOT_ALLOWED, SAML_ASSERTION_COUNT, SAML_ENCRYPTION_REQUIRED,
                 SAML_DECRYPTION_FAILED, SAML_SUBJECT_INVALID, SAML_RECIPIENT_MISMATCH, SAML_AUDIENCE_MISMATCH, SAML_EXPIRED,
                 SAML_NOT_YET_VALID, SAML_IN_RESPONSE_TO_UNKNOWN, SAML_UNSOLICITED_NOT_ALLOWED, SAML_RELAY_STATE_MISMATCH, SAML_REPLAYED,
                 SAML_EMAIL_MISSING, SAML_EMAIL_DOMAIN_NOT_ALLOWED, SAML_USER_NOT_PROVISIONED, SAML_ACCOUNT_SUSPENDED,
                 SAML_IDENTITY_LINKED_ELSEWHERE -> HttpStatus.UNAUTHORIZED;
            // The OpenID Connect callback's refusals, likewise.
            case OIDC_STATE_INVALID, OIDC_PROVIDER_ERROR, OIDC_CODE_REFUSED, OIDC_ID_TOKEN_INVALID, OIDC_ISSUER_MISMATCH,
                 OIDC_AUDIENCE_MISMATCH, OIDC_TOKEN_EXPIRED, OIDC_NONCE_MISMATCH, OIDC_EMAIL_NOT_VERIFIED, OIDC_IDENTITY_LINKED_ELSEWHERE,
                 OIDC_ACCOUNT_SUSPENDED, OIDC_EMAIL_DOMAIN_NOT_ALLOWED, OIDC_USER_NOT_PROVISIONED -> HttpStatus.UNAUTHORIZED;
            case OIDC_PROVIDER_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case ACCOUNT_SUSPENDED, FORBIDDEN, CSRF_ORIGIN_MISMATCH, SSO_REQUIRED, EMAIL_NOT_VERIFIED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND, USER_NOT_FOUND, SSO_NOT_CONFIGURED -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case EMAIL_TAKEN, VERSION_CONFLICT, LAST_OWNER, ALREADY_MEMBER, DOMAIN_TAKEN, SSO_LINK_CONFIRMATION_REQUIRED,
                 ALREADY_LINKED, LAST_LOGIN_METHOD, DOMAIN_NOT_VERIFIED, ALREADY_VERIFIED -> HttpStatus.CONFLICT;
            case CONFIRMATION_EXPIRED, INVITATION_EXPIRED -> HttpStatus.GONE;
            case PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** The problem {@code type} URI of a code (RFC 9457 section 3.1.1). */
    public static String typeOf(ErrorCode code) {
        return TYPE_PREFIX + code.code();
    }

    public static ProblemDetails body(ErrorCode code, String detail, List<ProblemDetails.FieldError> errors) {
        HttpStatus status = statusOf(code);
        return new ProblemDetails(TYPE_PREFIX + code.code(), status.getReason(), status.getCode(), detail, code.code(), errors);
    }

    public static MutableHttpResponse<ProblemDetails> response(ErrorCode code, String detail) {
        return response(code, detail, null);
    }

    public static MutableHttpResponse<ProblemDetails> response(ErrorCode code, String detail, List<ProblemDetails.FieldError> errors) {
        return HttpResponse.<ProblemDetails>status(statusOf(code))
                .contentType(PROBLEM_JSON_TYPE)
                .body(body(code, detail, errors));
    }

    /**
     * A mailed link's token that is unknown, used, replaced or expired: 400 (API.md), where a bad
     * credential presented for authentication ({@code /auth/jwt/refresh}) is 401 with the same code.
     */
    public static MutableHttpResponse<ProblemDetails> invalidLink(String detail) {
        ProblemDetails body = body(ErrorCode.INVALID_TOKEN, detail, List.of(new ProblemDetails.FieldError("token", detail)));
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return HttpResponse.<ProblemDetails>status(status).contentType(PROBLEM_JSON_TYPE)
                .body(new ProblemDetails(body.type(), status.getReason(), status.getCode(), body.detail(), body.code(), body.errors()));
    }

    /** How long clients are told to wait (Retry-After) when the database is unreachable. */
    public static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "5";

    /** 503 {@code service_unavailable}: a dependency (the database) is down; retry later. */
    public static MutableHttpResponse<ProblemDetails> unavailable() {
        return response(ErrorCode.SERVICE_UNAVAILABLE, "the service is temporarily unavailable; retry later")
                .header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS);
    }

    /** 429 {@code too_many_attempts} with {@code Retry-After} in whole seconds (RFC 9110 10.2.3), rounded up. */
    public static MutableHttpResponse<ProblemDetails> throttled(Duration retryAfter) {
        return throttled(retryAfter, "too many failed attempts");
    }

    /** As {@link #throttled(Duration)}, with {@code what} saying which limit was reached. */
    public static MutableHttpResponse<ProblemDetails> throttled(Duration retryAfter, String what) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return response(ErrorCode.TOO_MANY_ATTEMPTS, what + "; retry in " + seconds + " s")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** A 400 naming one field, for outcomes such as {@code weak_password} that concern a single input. */
    public static MutableHttpResponse<ProblemDetails> fieldProblem(ErrorCode code, String field, String message) {
        return response(code, message, field == null ? null : List.of(new ProblemDetails.FieldError(field, message)));
    }
}
