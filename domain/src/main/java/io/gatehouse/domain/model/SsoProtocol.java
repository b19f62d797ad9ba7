package io.gatehouse.domain.model;

import java.util.Optional;
import java.util.UUID;

/**
 * How a workspace's IdP signs its people in: SAML 2.0 Web Browser SSO, or OpenID Connect (authorization code flow).
 * Everything else of a workspace's SSO (verified domains, JIT, default role, enforcement, events, linking) is the
 * same for both.
 */
public enum SsoProtocol implements WireNamed {
    SAML(ErrorCode.SAML_USER_NOT_PROVISIONED, ErrorCode.SAML_ACCOUNT_SUSPENDED, ErrorCode.SAML_IDENTITY_LINKED_ELSEWHERE, AuthMethod.SAML),
    OIDC(ErrorCode.OIDC_USER_NOT_PROVISIONED, ErrorCode.OIDC_ACCOUNT_SUSPENDED, ErrorCode.OIDC_IDENTITY_LINKED_ELSEWHERE, AuthMethod.OIDC);

    private final ErrorCode notProvisioned;
    private final ErrorCode accountSuspended;
    private final ErrorCode linkedElsewhere;
    private final AuthMethod authMethod;

    SsoProtocol(ErrorCode notProvisioned, ErrorCode accountSuspended, ErrorCode linkedElsewhere, AuthMethod authMethod) {
        this.notProvisioned = notProvisioned;
        this.accountSuspended = accountSuspended;
        this.linkedElsewhere = linkedElsewhere;
        this.authMethod = authMethod;
    }

    /** The provider name of a workspace's IdP spoken to with this protocol: {@code saml:{wid}} or {@code oidc:{wid}}. */
    public String providerName(WorkspaceId workspace) {
        return wireName() + ":" + workspace;
    }

    /** The protocol of a workspace provider's name, or empty for an instance provider's (or no) name. */
    public static Optional<SsoProtocol> ofProvider(String providerName) {
        for (SsoProtocol protocol : values()) {
            if (providerName != null && providerName.startsWith(protocol.wireName() + ":")) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }

    /** The workspace a provider name such as {@code oidc:{wid}} names, or empty. */
    public static Optional<WorkspaceId> workspaceOf(String providerName) {
        return ofProvider(providerName).flatMap(protocol -> {
            try {
                return Optional.of(new WorkspaceId(UUID.fromString(providerName.substring(protocol.wireName().length() + 1))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public ErrorCode notProvisioned() {
        return notProvisioned;
    }

    public ErrorCode accountSuspended() {
        return accountSuspended;
    }

    public ErrorCode linkedElsewhere() {
        return linkedElsewhere;
    }

    public AuthMethod authMethod() {
        return authMethod;
    }
}
