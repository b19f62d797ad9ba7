package io.gatehouse.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("sso_configurations")
record SsoConfigurationRow(
        @Id UUID workspaceId,
        boolean enabled,
        @Nullable String idpEntityId,
        @Nullable String idpSsoUrl,
        String idpCertificates,
        boolean signAuthnRequests,
        boolean wantAssertionsEncrypted,
        boolean allowIdpInitiated,
        boolean jitProvisioning,
        String defaultRole,
        boolean enforceSso,
        boolean allowLegacyAlgorithms,
        String emailDomains,
        String verifiedDomains,
        String attributeEmail,
        String attributeFirstName,
        String attributeLastName,
        String spSigningCertificate,
        String spSigningKey,
        String spEncryptionCertificate,
        String spEncryptionKey,
        Instant createdAt,
        Instant updatedAt,
        String protocol,
        @Nullable String oidcIssuer,
        @Nullable String oidcClientId,
        @Nullable String oidcClientSecret,
        @Nullable String oidcScopes) {
}
