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
    INVALID_DOMAIN("invalid_domain"),
    PUBLIC_DOMAIN("public_domain"),
    /** The domain's ownership is not proved (yet): its DNS record is missing, or an SSO login asserted an address in it. */
    DOMAIN_NOT_VERIFIED("domain_not_verified"),
    SSO_NOT_CONFIGURED("sso_not_configured"),
    SSO_REQUIRED("sso_required"),
    SSO_LINK_CONFIRMATION_REQUIRED("sso_link_confirmation_required"),
    CONFIRMATION_EXPIRED("confirmation_expired"),
    UNKNOWN_PROVIDER("unknown_provider"),
    ALREADY_LINKED("already_linked"),
    NOT_LINKED("not_linked"),
    LAST_LOGIN_METHOD("last_login_method"),
    ALREADY_VERIFIED("already_verified"),
    EMAIL_NOT_VERIFIED("email_not_verified"),
    INVITATION_EXPIRED("invitation_expired"),
    // Why the SAML ACS refused a response. The ACS client gets only the code; the workspace's
    // sso/events log gets the code and a detail saying what was expected and what arrived.
    SAML_RESPONSE_TOO_LARGE("saml_response_too_large"),
    SAML_MALFORMED("saml_malformed"),
    SAML_STATUS_NOT_SUCCESS("saml_status_not_success"),
    SAML_ISSUER_MISMATCH("saml_issuer_mismatch"),
    SAML_DESTINATION_MISMATCH("saml_destination_mismatch"),
    SAML_SIGNATURE_MISSING("saml_signature_missing"),
    SAML_SIGNATURE_INVALID("saml_signature_invalid"),
    SAML_ALGORITHM_NOT_ALLOWED("saml_algorithm_not_allowed"),
    SAML_ASSERTION_COUNT("saml_assertion_count"),
    SAML_ENCRYPTION_REQUIRED("saml_encryption_required"),
    SAML_DECRYPTION_FAILED("saml_decryption_failed"),
    SAML_SUBJECT_INVALID("saml_subject_invalid"),
    SAML_RECIPIENT_MISMATCH("saml_recipient_mismatch"),
    SAML_AUDIENCE_MISMATCH("saml_audience_mismatch"),
    SAML_EXPIRED("saml_expired"),
    SAML_NOT_YET_VALID("saml_not_yet_valid"),
    SAML_IN_RESPONSE_TO_UNKNOWN("saml_in_response_to_unknown"),
    SAML_UNSOLICITED_NOT_ALLOWED("saml_unsolicited_not_allowed"),
    SAML_RELAY_STATE_MISMATCH("saml_relay_state_mismatch"),
    SAML_REPLAYED("saml_replayed"),
    SAML_EMAIL_MISSING("saml_email_missing"),
    SAML_EMAIL_DOMAIN_NOT_ALLOWED("saml_email_domain_not_allowed"),
    SAML_USER_NOT_PROVISIONED("saml_user_not_provisioned"),
    SAML_ACCOUNT_SUSPENDED("saml_account_suspended"),
    SAML_IDENTITY_LINKED_ELSEWHERE("saml_identity_linked_elsewhere"),
    /** The callback's state is unknown, used, expired, or was started in another browser. */
    OIDC_STATE_INVALID("oidc_state_invalid"),
    /** The provider answered the authorization request with an error (the person cancelled, say). */
    OIDC_PROVIDER_ERROR("oidc_provider_error"),
    /** The provider could not be reached, or its discovery document, JWKS or token response was unusable. */
    OIDC_PROVIDER_UNAVAILABLE("oidc_provider_unavailable"),
    /** The token endpoint refused the code (used, expired, another client's, wrong PKCE verifier). */
    OIDC_CODE_REFUSED("oidc_code_refused"),
    /** The ID token's signature, algorithm or form is not acceptable ({@code alg: none}, HMAC, unknown key, tampered). */
    OIDC_ID_TOKEN_INVALID("oidc_id_token_invalid"),
    OIDC_ISSUER_MISMATCH("oidc_issuer_mismatch"),
    OIDC_AUDIENCE_MISMATCH("oidc_audience_mismatch"),
    OIDC_TOKEN_EXPIRED("oidc_token_expired"),
    OIDC_NONCE_MISMATCH("oidc_nonce_mismatch"),
    /** The provider does not vouch for the email: it can neither create an account nor propose a link. */
    OIDC_EMAIL_NOT_VERIFIED("oidc_email_not_verified"),
    OIDC_IDENTITY_LINKED_ELSEWHERE("oidc_identity_linked_elsewhere"),
    OIDC_ACCOUNT_SUSPENDED("oidc_account_suspended"),
    /** A workspace connection's answer names an address outside the workspace's email domains. */
    OIDC_EMAIL_DOMAIN_NOT_ALLOWED("oidc_email_domain_not_allowed"),
    /** A workspace connection's person has no account, and the workspace does not provision accounts just in time. */
    OIDC_USER_NOT_PROVISIONED("oidc_user_not_provisioned"),
    SERVICE_UNAVAILABLE("service_unavailable"),
    INTERNAL_ERROR("internal_error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A refusal of the SAML ACS (401), as opposed to an error of the API around it. */
    public boolean isSamlRejection() {
        return code.startsWith("saml_");
    }
}
