package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A workspace's SAML SSO configuration: the IdP it trusts (entity id, HTTP-Redirect SSO URL, signing
 * certificates), the email domains it vouches for, login policy, and the workspace's own SP key
 * pairs (private keys encrypted at rest with the master key).
 *
 * @param verifiedDomains the domains the workspace proved it owns (whether or not listed here): read with
 *                        the configuration, never written through it
 */
public record SsoConfiguration(
        WorkspaceId workspaceId,
        boolean enabled,
        String idpEntityId,
        String idpSsoUrl,
        List<String> idpCertificates,
        List<String> emailDomains,
        boolean signAuthnRequests,
        boolean wantAssertionsEncrypted,
        boolean allowIdpInitiated,
        boolean jitProvisioning,
        Role defaultRole,
        boolean enforceSso,
        boolean allowLegacyAlgorithms,
        AttributeMapping attributeMapping,
        SpKeys spKeys,
        Instant createdAt,
        Instant updatedAt,
        Set<String> verifiedDomains) {

    /** The limits of a configuration, in one place: the service enforces them, the HTTP layer bounds its input with them. */
    public static final int MAX_CERTIFICATES = 10;
    public static final int MAX_CERTIFICATE_LENGTH = 16_384;
    public static final int MAX_DOMAINS = 50;
    public static final int MAX_DOMAIN_LENGTH = 253;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_ENTITY_ID_LENGTH = 1024;
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 256;
    public static final int MAX_METADATA_LENGTH = 512 * 1024;

    public SsoConfiguration {
        Objects.requireNonNull(workspaceId, "workspaceId");
        idpCertificates = List.copyOf(idpCertificates);
        emailDomains = List.copyOf(emailDomains);
        Objects.requireNonNull(defaultRole, "defaultRole");
        Objects.requireNonNull(attributeMapping, "attributeMapping");
        Objects.requireNonNull(spKeys, "spKeys");
        verifiedDomains = Set.copyOf(verifiedDomains);
    }

    public SsoConfiguration withVerifiedDomains(Set<String> domains) {
        return new SsoConfiguration(workspaceId, enabled, idpEntityId, idpSsoUrl, idpCertificates, emailDomains, signAuthnRequests,
                wantAssertionsEncrypted, allowIdpInitiated, jitProvisioning, defaultRole, enforceSso, allowLegacyAlgorithms, attributeMapping,
                spKeys, createdAt, updatedAt, domains);
    }

    /** The email domains the IdP may vouch for: listed in the configuration, and verified by its workspace. */
    public boolean vouchesFor(String domain) {
        return emailDomains.contains(domain) && verifiedDomains.contains(domain);
    }

    /** Attribute names to read the email and name from (SAML core 2.7.3.1 Attribute Name). */
    public record AttributeMapping(String email, String firstName, String lastName) {
        /** Names Okta, Google and Keycloak use out of the box; Entra ID's claim URIs are matched as aliases at login. */
        public static final AttributeMapping DEFAULT = new AttributeMapping("email", "firstName", "lastName");
    }

    /** The workspace's SP key pairs: PEM certificates and master-key-encrypted PKCS#8 private keys. */
    public record SpKeys(String signingCertificate, String encryptedSigningKey, String encryptionCertificate,
                         String encryptedEncryptionKey) {
        @Override
        public String toString() {
            return "SpKeys[redacted]";
        }
    }
}
