package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.CertificateInfo;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.OidcConnection;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Workspace admins configure SSO (SAML or OpenID Connect) for their workspace. */
public interface SsoConfigurationUseCase {

    /** Creates or replaces the configuration: fields left out take their defaults. */
    SsoOutcome save(UserId caller, WorkspaceId workspace, SsoSettings settings);

    /** Changes only the fields given. */
    SsoOutcome update(UserId caller, WorkspaceId workspace, SsoSettings changes);

    SsoOutcome get(UserId caller, WorkspaceId workspace);

    SsoOutcome delete(UserId caller, WorkspaceId workspace);

    /** The SP metadata document of a workspace with SSO configured (public: IdPs fetch it). */
    Optional<String> serviceProviderMetadata(WorkspaceId workspace);

    /** Every field is optional; null means "default" for save and "unchanged" for update. */
    record SsoSettings(Boolean enabled, String idpMetadataXml, String idpEntityId, String idpSsoUrl,
                       List<String> idpCertificates, List<String> emailDomains, Boolean signAuthnRequests,
                       Boolean wantAssertionsEncrypted, Boolean allowIdpInitiated, Boolean jitProvisioning, Role defaultRole,
                       Boolean enforceSso, Boolean allowLegacyAlgorithms, AttributeMapping attributeMapping, OidcSettings oidc) {

        public SsoSettings {
            oidc = oidc == null ? OidcSettings.UNCHANGED : oidc;
        }

        /** Settings that leave the protocol and the OpenID Connect connection as they are. */
        public SsoSettings(Boolean enabled, String idpMetadataXml, String idpEntityId, String idpSsoUrl, List<String> idpCertificates,
                           List<String> emailDomains, Boolean signAuthnRequests, Boolean wantAssertionsEncrypted, Boolean allowIdpInitiated,
                           Boolean jitProvisioning, Role defaultRole, Boolean enforceSso, Boolean allowLegacyAlgorithms,
                           AttributeMapping attributeMapping) {
            this(enabled, idpMetadataXml, idpEntityId, idpSsoUrl, idpCertificates, emailDomains, signAuthnRequests, wantAssertionsEncrypted,
                    allowIdpInitiated, jitProvisioning, defaultRole, enforceSso, allowLegacyAlgorithms, attributeMapping, OidcSettings.UNCHANGED);
        }

        /**
         * These settings laid over {@code base}: every field given here wins, every field left out keeps
         * base's value, or takes its default when there is no base (a save replaces, an update patches).
         * The result has every field but {@code idpMetadataXml} (an input, never stored) set.
         */
        public SsoSettings over(Optional<SsoConfiguration> base) {
            return new SsoSettings(
                    pick(enabled, base.map(SsoConfiguration::enabled), false),
                    idpMetadataXml,
                    pick(idpEntityId, base.map(SsoConfiguration::idpEntityId), null),
                    pick(idpSsoUrl, base.map(SsoConfiguration::idpSsoUrl), null),
                    pick(idpCertificates, base.map(SsoConfiguration::idpCertificates), List.of()),
                    pick(emailDomains, base.map(SsoConfiguration::emailDomains), List.of()),
                    pick(signAuthnRequests, base.map(SsoConfiguration::signAuthnRequests), true),
                    pick(wantAssertionsEncrypted, base.map(SsoConfiguration::wantAssertionsEncrypted), false),
                    pick(allowIdpInitiated, base.map(SsoConfiguration::allowIdpInitiated), false),
                    pick(jitProvisioning, base.map(SsoConfiguration::jitProvisioning), true),
                    pick(defaultRole, base.map(SsoConfiguration::defaultRole), Role.MEMBER),
                    pick(enforceSso, base.map(SsoConfiguration::enforceSso), false),
                    pick(allowLegacyAlgorithms, base.map(SsoConfiguration::allowLegacyAlgorithms), false),
                    pick(attributeMapping, base.map(SsoConfiguration::attributeMapping), AttributeMapping.DEFAULT),
                    new OidcSettings(pick(oidc.protocol(), base.map(SsoConfiguration::protocol), SsoProtocol.SAML),
                            pick(oidc.issuer(), base.map(SsoConfiguration::oidc).map(OidcConnection::issuer), null),
                            pick(oidc.clientId(), base.map(SsoConfiguration::oidc).map(OidcConnection::clientId), null),
                            oidc.clientSecret(),
                            pick(oidc.scopes(), base.map(SsoConfiguration::oidc).map(OidcConnection::scopes), OidcConnection.DEFAULT_SCOPES)));
        }

        private static <T> T pick(T given, Optional<T> base, T fallback) {
            return given != null ? given : base.orElse(fallback);
        }

        @Override
        public String toString() {
            return "SsoSettings[enabled=" + enabled + ", protocol=" + oidc.protocol() + ", secrets=redacted]";
        }
    }

    /**
     * The protocol and the OpenID Connect connection; null fields as in {@link SsoSettings}. The client secret is
     * write-only: when left out, the one already sealed is kept (whatever the call), so a form need not show it again.
     */
    record OidcSettings(SsoProtocol protocol, String issuer, String clientId, String clientSecret, List<String> scopes) {

        public static final OidcSettings UNCHANGED = new OidcSettings(null, null, null, null, null);

        @Override
        public String toString() {
            return "OidcSettings[protocol=" + protocol + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted]";
        }
    }

    sealed interface SsoOutcome {
    }

    /** The configuration with what the API reports about it. */
    /**
     * @param oidcRedirectUri the redirect URI to register at the IdP for an OpenID Connect connection (the same for every
     *                        workspace and instance provider: the sign-in's state says whose answer it is)
     */
    record SsoView(SsoConfiguration configuration, List<CertificateInfo> certificates, SpEndpoints sp, String oidcRedirectUri)
            implements SsoOutcome {
    }

    /** The one redirect URI of every OpenID Connect sign-in, under the public URL. */
    String OIDC_CALLBACK_PATH = "/api/v1/auth/oidc/callback";

    record SsoDeleted() implements SsoOutcome {
    }

    record SsoRejected(ErrorCode code, String detail, List<FieldProblem> fields) implements SsoOutcome {
    }

    /** What is wrong with one setting (and, for a list, which element); the HTTP layer names the setting in its own words. */
    record FieldProblem(SsoField field, Integer index, String message) {
        public FieldProblem(SsoField field, String message) {
            this(field, null, message);
        }
    }

    /** The settings a problem can concern. */
    enum SsoField {
        IDP_METADATA_XML, IDP_ENTITY_ID, IDP_SSO_URL, IDP_CERTIFICATES, EMAIL_DOMAINS, DEFAULT_ROLE,
        ATTRIBUTE_MAPPING_EMAIL, ATTRIBUTE_MAPPING_FIRST_NAME, ATTRIBUTE_MAPPING_LAST_NAME,
        OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_SCOPES
    }

    /** The workspace's SP endpoints: the entity id is the metadata URL, the ACS is per workspace. */
    record SpEndpoints(String entityId, String acsUrl, String metadataUrl) {
        public static SpEndpoints of(PublicUrl publicUrl, WorkspaceId workspace) {
            String metadata = publicUrl.resolve("/api/v1/workspaces/" + workspace + "/sso/metadata");
            return new SpEndpoints(metadata, publicUrl.resolve("/api/v1/auth/saml2/login/" + workspace), metadata);
        }
    }

    /** The workspace's recent SSO login attempts, newest first (workspace admins only). */
    SsoOutcome events(UserId caller, WorkspaceId workspace, int limit);

    record SsoEventList(List<SsoEvent> events) implements SsoOutcome {
    }
}
