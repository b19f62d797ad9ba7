package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A workspace's SSO configuration: the protocol its IdP speaks; for SAML the IdP it trusts (entity id,
 * HTTP-Redirect SSO URL, signing certificates), for OpenID Connect the connection (issuer, client); the email
 * domains it vouches for, login policy, and the workspace's own SP key pairs (private keys encrypted at rest with
 * the master key). The fields of the protocol not in use are kept, so that switching back loses nothing.
 *
 * @param verifiedDomains the domains the workspace proved it owns (whether or not listed here): read with
 *                        the configuration, never written through it
 * @param oidc the OpenID Connect connection, or null when none was ever configured
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
        Set<String> verifiedDomains,
        SsoProtocol protocol,
        OidcConnection oidc) {

    /** The limits of a configuration, in one place: the service enforces them, the HTTP layer bounds its input with them. */
    public static final int MAX_CERTIFICATES = 10;
    public static final int MAX_CERTIFICATE_LENGTH = 16_384;
    public static final int MAX_DOMAINS = 50;
    public static final int MAX_DOMAIN_LENGTH = 253;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_ENTITY_ID_LENGTH = 1024;
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 256;
    public static final int MAX_METADATA_LENGTH = 512 * 1024;
    public static final int MAX_CLIENT_ID_LENGTH = 512;
    public static final int MAX_CLIENT_SECRET_LENGTH = 1024;
    public static final int MAX_SCOPES = 20;
    public static final int MAX_SCOPE_LENGTH = 128;

    /** A SAML configuration (the protocol every configuration had before OpenID Connect connections). */
    public SsoConfiguration(WorkspaceId workspaceId, boolean enabled, String idpEntityId, String idpSsoUrl, List<String> idpCertificates,
                            List<String> emailDomains, boolean signAuthnRequests, boolean wantAssertionsEncrypted, boolean allowIdpInitiated,
                            boolean jitProvisioning, Role defaultRole, boolean enforceSso, boolean allowLegacyAlgorithms,
                            AttributeMapping attributeMapping, SpKeys spKeys, Instant createdAt, Instant updatedAt, Set<String> verifiedDomains) {
        this(workspaceId, enabled, idpEntityId, idpSsoUrl, idpCertificates, emailDomains, signAuthnRequests, wantAssertionsEncrypted,
                allowIdpInitiated, jitProvisioning, defaultRole, enforceSso, allowLegacyAlgorithms, attributeMapping, spKeys, createdAt, updatedAt,
                verifiedDomains, SsoProtocol.SAML, null);
    }

    public SsoConfiguration {
        Objects.requireNonNull(workspaceId, "workspaceId");
        idpCertificates = List.copyOf(idpCertificates);
        emailDomains = List.copyOf(emailDomains);
        Objects.requireNonNull(defaultRole, "defaultRole");
        Objects.requireNonNull(attributeMapping, "attributeMapping");
        Objects.requireNonNull(spKeys, "spKeys");
        verifiedDomains = Set.copyOf(verifiedDomains);
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == SsoProtocol.OIDC && oidc == null) {
            throw new IllegalArgumentException("an OpenID Connect configuration needs its connection");
        }
    }

    public SsoConfiguration withVerifiedDomains(Set<String> domains) {
        return new SsoConfiguration(workspaceId, enabled, idpEntityId, idpSsoUrl, idpCertificates, emailDomains, signAuthnRequests,
                wantAssertionsEncrypted, allowIdpInitiated, jitProvisioning, defaultRole, enforceSso, allowLegacyAlgorithms, attributeMapping,
                spKeys, createdAt, updatedAt, domains, protocol, oidc);
    }

    /** The provider name of this workspace's IdP, as linked identities carry it: {@code saml:{wid}} or {@code oidc:{wid}}. */
    public String providerName() {
        return protocol.providerName(workspaceId);
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

    /**
     * An OpenID Connect connection to the workspace's IdP (authorization code flow with PKCE).
     *
     * @param issuer the IdP's issuer: its discovery document is {@code {issuer}/.well-known/openid-configuration}
     * @param sealedClientSecret the client secret sealed under the master key (bound to the workspace): never shown again
     */
    public record OidcConnection(String issuer, String clientId, String sealedClientSecret, List<String> scopes) {

        public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

        public OidcConnection {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(sealedClientSecret, "sealedClientSecret");
            scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "OidcConnection[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted, scopes=" + scopes + "]";
        }
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
