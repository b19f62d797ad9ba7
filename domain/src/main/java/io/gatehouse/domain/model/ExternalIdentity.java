package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An identity at an external provider linked to a Gatehouse user. A workspace's SAML IdP is the
 * provider {@code saml:{workspace id}}, and the external id is the NameID it asserts.
 */
public record ExternalIdentity(String providerName, String externalId, UserId userId, String email, Instant linkedAt) {

    public static final String SAML_PREFIX = "saml:";

    public ExternalIdentity {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    public static String samlProvider(WorkspaceId workspace) {
        return SAML_PREFIX + workspace;
    }
}
