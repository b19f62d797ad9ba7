package io.gatehouse.domain.service;

import static io.gatehouse.domain.model.SsoConfiguration.MAX_ATTRIBUTE_NAME_LENGTH;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_CERTIFICATES;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_DOMAINS;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_ENTITY_ID_LENGTH;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_URL_LENGTH;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_CLIENT_ID_LENGTH;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_CLIENT_SECRET_LENGTH;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_SCOPES;
import static io.gatehouse.domain.model.SsoConfiguration.MAX_SCOPE_LENGTH;

import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.model.CertificateInfo;
import io.gatehouse.domain.model.EmailDomain;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.OidcConnection;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.OidcSettings;
import io.gatehouse.domain.port.out.SecretSealer;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoField;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.port.out.CertificateInspector;
import io.gatehouse.domain.port.out.DomainClaims;
import io.gatehouse.domain.port.out.IdpMetadataReader;
import io.gatehouse.domain.port.out.IdpMetadataReader.IdpMetadata;
import io.gatehouse.domain.port.out.IdpMetadataReader.IdpMetadataRejected;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.SpKeyGenerator;
import io.gatehouse.domain.port.out.SpMetadataWriter;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.Transactions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Workspace SSO configuration: validated as a whole (every problem reported at once, per field),
 * IdP metadata imported through the SAML adapter, SP key pairs made on first save, every change
 * audited. Only workspace admins may read or change it; other members get {@code forbidden}, and
 * non-members {@code not_found}.
 */
public final class SsoConfigurationService implements SsoConfigurationUseCase {

    private final WorkspaceAdmins admins;
    private final SsoConfigurations configurations;
    private final IdpMetadataReader metadataReader;
    private final SpMetadataWriter metadataWriter;
    private final SpKeyGenerator keyGenerator;
    private final CertificateInspector certificates;
    private final AuditLog audit;
    private final SsoEvents events;
    private final DomainClaims domainClaims;
    private final DomainOwnershipService domains;
    private final Transactions transactions;
    private final SecretSealer sealer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public SsoConfigurationService(Memberships memberships, SsoConfigurations configurations, IdpMetadataReader metadataReader,
                                   SpMetadataWriter metadataWriter, SpKeyGenerator keyGenerator, CertificateInspector certificates,
                                   AuditLog audit, SsoEvents events, DomainClaims domainClaims, DomainOwnershipService domains,
                                   Transactions transactions, SecretSealer sealer, PublicUrl publicUrl, Clock clock) {
        this.sealer = sealer;
        this.domainClaims = domainClaims;
        this.domains = domains;
        this.admins = new WorkspaceAdmins(memberships);
        this.configurations = configurations;
        this.metadataReader = metadataReader;
        this.metadataWriter = metadataWriter;
        this.keyGenerator = keyGenerator;
        this.certificates = certificates;
        this.audit = audit;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public SsoOutcome save(UserId caller, WorkspaceId workspace, SsoSettings settings) {
        return asAdmin(caller, workspace, () -> store(caller, workspace, settings, configurations.find(workspace), true));
    }

    @Override
    public SsoOutcome update(UserId caller, WorkspaceId workspace, SsoSettings changes) {
        return asAdmin(caller, workspace, () -> {
            Optional<SsoConfiguration> existing = configurations.find(workspace);
            return existing.isEmpty() ? notConfigured() : store(caller, workspace, changes, existing, false);
        });
    }

    @Override
    public SsoOutcome get(UserId caller, WorkspaceId workspace) {
        return asAdmin(caller, workspace,
                () -> configurations.find(workspace).<SsoOutcome>map(this::view).orElseGet(SsoConfigurationService::notConfigured));
    }

    @Override
    public SsoOutcome delete(UserId caller, WorkspaceId workspace) {
        return asAdmin(caller, workspace, () -> transactions.inTransaction(() -> {
            if (!configurations.delete(workspace)) {
                return notConfigured();
            }
            audit.record(new AuditEvent(workspace, caller, "sso.deleted", workspace.toString(), null, clock.instant()));
            return new SsoDeleted();
        }));
    }

    @Override
    public Optional<String> serviceProviderMetadata(WorkspaceId workspace) {
        return configurations.find(workspace).map(config -> {
            SpEndpoints sp = endpoints(workspace);
            return metadataWriter.write(new SpMetadataWriter.SpDescriptor(sp.entityId(), sp.acsUrl(),
                    config.spKeys().signingCertificate(), config.spKeys().encryptionCertificate(), config.signAuthnRequests(), true));
        });
    }

    @Override
    public SsoOutcome events(UserId caller, WorkspaceId workspace, int limit) {
        int bounded = Math.max(1, Math.min(limit, SsoEvent.MAX_LISTED));
        return asAdmin(caller, workspace, () -> new SsoEventList(events.recent(workspace, bounded)));
    }

    private SsoOutcome store(UserId caller, WorkspaceId workspace, SsoSettings in, Optional<SsoConfiguration> existing, boolean replace) {
        SsoSettings merged = in.over(replace ? Optional.empty() : existing);
        List<FieldProblem> problems = new ArrayList<>();
        String entityId = merged.idpEntityId();
        String ssoUrl = merged.idpSsoUrl();
        List<String> certificates = merged.idpCertificates();
        if (in.idpMetadataXml() != null) {
            switch (metadataReader.read(in.idpMetadataXml())) {
                case IdpMetadataRejected rejected -> problems.add(new FieldProblem(SsoField.IDP_METADATA_XML, rejected.reason()));
                case IdpMetadata metadata -> {
                    entityId = metadata.entityId();
                    ssoUrl = metadata.singleSignOnUrl();
                    certificates = metadata.signingCertificates();
                }
            }
        }
        SsoProtocol protocol = merged.oidc().protocol();
        // The fields of the protocol not in use are kept (switching back loses nothing), and checked only when given.
        boolean saml = protocol == SsoProtocol.SAML;
        if (saml || entityId != null) {
            validateEntityId(entityId, problems);
        }
        if (saml || ssoUrl != null) {
            validateSsoUrl(ssoUrl, problems);
        }
        List<String> normalisedCertificates = saml || !certificates.isEmpty() ? validateCertificates(certificates, problems) : List.of();
        OidcConnection connection = connection(workspace, merged.oidc(), existing.map(SsoConfiguration::oidc), protocol, problems);
        List<String> domains = validateDomains(merged.emailDomains(), problems);
        validateMapping(merged.attributeMapping(), problems);
        if (merged.defaultRole() == Role.OWNER) {
            problems.add(new FieldProblem(SsoField.DEFAULT_ROLE, "must be member or admin"));
        }
        if (!problems.isEmpty()) {
            return new SsoRejected(ErrorCode.VALIDATION_FAILED, "the SSO configuration has invalid fields", problems);
        }
        List<String> taken = domainClaims.verifiedElsewhere(workspace, domains);
        if (!taken.isEmpty()) {
            return domainTaken(taken.get(0));
        }
        Instant now = clock.instant();
        SsoConfiguration configuration = new SsoConfiguration(workspace, merged.enabled(), entityId, ssoUrl, normalisedCertificates,
                domains, merged.signAuthnRequests(), merged.wantAssertionsEncrypted(), merged.allowIdpInitiated(), merged.jitProvisioning(),
                merged.defaultRole(), merged.enforceSso(), merged.allowLegacyAlgorithms(), merged.attributeMapping(),
                // Each workspace's SP keys are made once, on first save, and survive later saves.
                existing.map(SsoConfiguration::spKeys).orElseGet(() -> keyGenerator.generate(workspace)),
                existing.map(SsoConfiguration::createdAt).orElse(now), now,
                existing.map(SsoConfiguration::verifiedDomains).orElse(java.util.Set.of()), protocol, connection);
        transactions.inTransaction(() -> {
            configurations.upsert(configuration);
            // Naming a domain claims it; only a verified claim gives the configuration any effect on it.
            configuration.emailDomains().forEach(domain -> this.domains.claimFor(caller, workspace, domain));
            audit.record(new AuditEvent(workspace, caller, existing.isEmpty() ? "sso.created" : (replace ? "sso.replaced" : "sso.updated"),
                    workspace.toString(), describe(configuration), now));
        });
        return view(configuration);
    }

    /**
     * The OpenID Connect connection to store: required in full for protocol {@code oidc}; otherwise built when given
     * in full, else the stored one kept. A client secret given is sealed under the master key at once; one left out
     * keeps the sealed one.
     */
    private OidcConnection connection(WorkspaceId workspace, OidcSettings in, Optional<OidcConnection> stored, SsoProtocol protocol,
                                      List<FieldProblem> problems) {
        boolean required = protocol == SsoProtocol.OIDC;
        int before = problems.size();
        if (required || in.issuer() != null) {
            validateIssuer(in.issuer(), problems);
        }
        if ((required || in.clientId() != null) && (in.clientId() == null || !in.clientId().matches("[\\x21-\\x7e]{1," + MAX_CLIENT_ID_LENGTH + "}"))) {
            problems.add(new FieldProblem(SsoField.OIDC_CLIENT_ID, "is required: 1 to " + MAX_CLIENT_ID_LENGTH + " printable characters"));
        }
        String secret = in.clientSecret();
        boolean secretStored = stored.isPresent() && secret == null;
        if (secret != null && (secret.isEmpty() || secret.length() > MAX_CLIENT_SECRET_LENGTH || secret.chars().anyMatch(Character::isISOControl))) {
            problems.add(new FieldProblem(SsoField.OIDC_CLIENT_SECRET, "must be 1 to " + MAX_CLIENT_SECRET_LENGTH + " characters"));
        } else if (required && secret == null && !secretStored) {
            problems.add(new FieldProblem(SsoField.OIDC_CLIENT_SECRET, "is required (it is write-only: given once, then kept sealed)"));
        }
        validateScopes(in.scopes(), problems);
        if (problems.size() > before || in.issuer() == null || in.clientId() == null || (secret == null && !secretStored)) {
            return required ? null : stored.orElse(null);
        }
        String sealed = secret == null ? stored.get().sealedClientSecret() : sealer.seal(secret, SecretSealer.clientSecretContext(workspace));
        return new OidcConnection(in.issuer(), in.clientId(), sealed, in.scopes());
    }

    /** The issuer must be https (http only on a loopback host), without query or fragment (OpenID Connect Discovery 2). */
    private static void validateIssuer(String issuer, List<FieldProblem> problems) {
        if (issuer == null || issuer.isBlank()) {
            problems.add(new FieldProblem(SsoField.OIDC_ISSUER, "is required for an OpenID Connect connection"));
            return;
        }
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https") || (scheme.equals("http") && PublicUrl.isLoopbackHost(uri.getHost()));
            if (issuer.length() > MAX_URL_LENGTH || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || !secure) {
                problems.add(new FieldProblem(SsoField.OIDC_ISSUER, "must be an https URL without query or fragment (http only for a loopback host)"));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(SsoField.OIDC_ISSUER, "is not a URL"));
        }
    }

    /** RFC 6749 3.3: space-separated scope tokens of NQCHARs; OpenID Connect Core 3.1.2.1: {@code openid} is required. */
    private static void validateScopes(List<String> scopes, List<FieldProblem> problems) {
        if (scopes.size() > MAX_SCOPES) {
            problems.add(new FieldProblem(SsoField.OIDC_SCOPES, "at most " + MAX_SCOPES + " scopes"));
        } else if (!scopes.contains("openid")) {
            problems.add(new FieldProblem(SsoField.OIDC_SCOPES, "must include openid"));
        }
        for (int i = 0; i < scopes.size() && i < MAX_SCOPES; i++) {
            if (scopes.get(i) == null || !scopes.get(i).matches("[\\x21\\x23-\\x5b\\x5d-\\x7e]{1," + MAX_SCOPE_LENGTH + "}")) {
                problems.add(new FieldProblem(SsoField.OIDC_SCOPES, i, "is not a scope token (RFC 6749 3.3)"));
            }
        }
    }

    private SsoOutcome asAdmin(UserId caller, WorkspaceId workspace, Supplier<SsoOutcome> action) {
        return admins.run(caller, workspace, "manage SSO", (code, detail) -> new SsoRejected(code, detail, List.of()), action);
    }

    private SsoView view(SsoConfiguration configuration) {
        List<CertificateInfo> details = configuration.idpCertificates().stream()
                .map(certificates::inspect).flatMap(Optional::stream).toList();
        return new SsoView(configuration, details, endpoints(configuration.workspaceId()), publicUrl.resolve(OIDC_CALLBACK_PATH));
    }

    private SpEndpoints endpoints(WorkspaceId workspace) {
        return SpEndpoints.of(publicUrl, workspace);
    }

    private static void validateEntityId(String entityId, List<FieldProblem> problems) {
        if (entityId == null || entityId.isBlank()) {
            problems.add(new FieldProblem(SsoField.IDP_ENTITY_ID, "is required (or give the IdP's metadata)"));
        } else if (entityId.length() > MAX_ENTITY_ID_LENGTH) {
            problems.add(new FieldProblem(SsoField.IDP_ENTITY_ID, "is longer than " + MAX_ENTITY_ID_LENGTH + " characters"));
        }
    }

    /** The IdP SSO URL must be https; plain http only to a loopback host (a local test IdP). */
    private static void validateSsoUrl(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem(SsoField.IDP_SSO_URL, "is required (or give the IdP's metadata)"));
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https") || (scheme.equals("http") && PublicUrl.isLoopbackHost(uri.getHost()));
            if (url.length() > MAX_URL_LENGTH || uri.getHost() == null || uri.getRawUserInfo() != null || !secure) {
                problems.add(new FieldProblem(SsoField.IDP_SSO_URL, "must be an https URL (http only for a loopback host)"));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(SsoField.IDP_SSO_URL, "is not a URL"));
        }
    }

    private List<String> validateCertificates(List<String> pems, List<FieldProblem> problems) {
        if (pems.isEmpty()) {
            problems.add(new FieldProblem(SsoField.IDP_CERTIFICATES, "at least one IdP signing certificate is required"));
            return List.of();
        }
        if (pems.size() > MAX_CERTIFICATES) {
            problems.add(new FieldProblem(SsoField.IDP_CERTIFICATES, "at most " + MAX_CERTIFICATES + " certificates"));
            return List.of();
        }
        List<String> normalised = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < pems.size(); i++) {
            Optional<CertificateInfo> info = certificates.inspect(pems.get(i));
            if (info.isEmpty()) {
                problems.add(new FieldProblem(SsoField.IDP_CERTIFICATES, i, "is not a PEM X.509 certificate"));
            } else if (!info.get().notAfter().isAfter(now)) {
                problems.add(new FieldProblem(SsoField.IDP_CERTIFICATES, i, "expired on " + info.get().notAfter()
                        + " (" + info.get().subject() + ")"));
            } else if (!normalised.contains(info.get().pem())) {
                normalised.add(info.get().pem());
            }
        }
        return normalised;
    }

    private static List<String> validateDomains(List<String> raw, List<FieldProblem> problems) {
        if (raw.size() > MAX_DOMAINS) {
            problems.add(new FieldProblem(SsoField.EMAIL_DOMAINS, "at most " + MAX_DOMAINS + " domains"));
            return List.of();
        }
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            EmailDomain.Result checked = EmailDomain.check(raw.get(i));
            if (checked.domain().isEmpty()) {
                problems.add(new FieldProblem(SsoField.EMAIL_DOMAINS, i, checked.problem()));
            } else {
                domains.add(checked.domain().get());
            }
        }
        return List.copyOf(domains);
    }

    private static void validateMapping(AttributeMapping mapping, List<FieldProblem> problems) {
        validateAttributeName(SsoField.ATTRIBUTE_MAPPING_EMAIL, mapping.email(), problems);
        validateAttributeName(SsoField.ATTRIBUTE_MAPPING_FIRST_NAME, mapping.firstName(), problems);
        validateAttributeName(SsoField.ATTRIBUTE_MAPPING_LAST_NAME, mapping.lastName(), problems);
    }

    private static void validateAttributeName(SsoField field, String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank() || name.length() > MAX_ATTRIBUTE_NAME_LENGTH) {
            problems.add(new FieldProblem(field, "must be an attribute name of 1 to " + MAX_ATTRIBUTE_NAME_LENGTH + " characters"));
        }
    }

    private static String describe(SsoConfiguration c) {
        return "enabled=" + c.enabled() + ", protocol=" + c.protocol().wireName()
                + (c.oidc() == null ? "" : ", oidc_issuer=" + c.oidc().issuer() + ", oidc_client_id=" + c.oidc().clientId())
                + ", idp=" + c.idpEntityId() + ", certificates=" + c.idpCertificates().size()
                + ", domains=" + c.emailDomains() + ", enforce_sso=" + c.enforceSso() + ", allow_legacy_algorithms=" + c.allowLegacyAlgorithms() + ", jit=" + c.jitProvisioning()
                + ", default_role=" + c.defaultRole().wireName();
    }

    private static SsoRejected notConfigured() {
        return new SsoRejected(ErrorCode.SSO_NOT_CONFIGURED, "this workspace has no SSO configuration", List.of());
    }

    private static SsoRejected domainTaken(String domain) {
        return new SsoRejected(ErrorCode.DOMAIN_TAKEN, "the email domain " + domain + " is verified by another workspace",
                List.of(new FieldProblem(SsoField.EMAIL_DOMAINS, domain + " is verified by another workspace")));
    }
}
