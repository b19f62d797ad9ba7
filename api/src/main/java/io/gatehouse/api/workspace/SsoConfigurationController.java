package io.gatehouse.api.workspace;

import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.OidcSettings;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.FieldProblem;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoDeleted;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoEventList;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoOutcome;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoRejected;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoSettings;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoView;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workspace's SSO configuration, SAML or OpenID Connect (workspace admins only), and its public SAML SP metadata. */
@Controller("/api/v1/workspaces/{wid}/sso")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Workspace SSO")
class SsoConfigurationController {

    static final String SAML_METADATA = "application/samlmetadata+xml";
    static final int DEFAULT_EVENT_LIMIT = 50;
    private final SsoConfigurationUseCase sso;

    SsoConfigurationController(SsoConfigurationUseCase sso) {
        this.sso = sso;
    }

    @Serdeable
    record AttributeMappingBody(@Nullable @Size(max = SsoConfiguration.MAX_ATTRIBUTE_NAME_LENGTH) String email,
                                @Nullable @Size(max = SsoConfiguration.MAX_ATTRIBUTE_NAME_LENGTH) String firstName,
                                @Nullable @Size(max = SsoConfiguration.MAX_ATTRIBUTE_NAME_LENGTH) String lastName) {
    }

    /** Every field optional: POST fills the rest with defaults, PATCH leaves the rest unchanged. */
    @Serdeable
    record SsoBody(
            @Nullable Boolean enabled,
            @Nullable @Size(max = SsoConfiguration.MAX_METADATA_LENGTH) String idpMetadataXml,
            @Nullable @Size(max = SsoConfiguration.MAX_ENTITY_ID_LENGTH) String idpEntityId,
            @Nullable @Size(max = SsoConfiguration.MAX_URL_LENGTH) String idpSsoUrl,
            @Nullable @Size(max = SsoConfiguration.MAX_CERTIFICATES) List<@Size(max = SsoConfiguration.MAX_CERTIFICATE_LENGTH) String> idpCertificates,
            @Nullable @Size(max = SsoConfiguration.MAX_DOMAINS) List<@Size(max = SsoConfiguration.MAX_DOMAIN_LENGTH) String> emailDomains,
            @Nullable Boolean signAuthnRequests,
            @Nullable Boolean wantAssertionsEncrypted,
            @Nullable Boolean allowIdpInitiated,
            @Nullable Boolean jitProvisioning,
            @Nullable @Pattern(regexp = "member|admin", message = "must be member or admin") String defaultRole,
            @Nullable Boolean enforceSso,
            @Nullable Boolean allowLegacyAlgorithms,
            @Nullable @Valid AttributeMappingBody attributeMapping,
            @Nullable @Pattern(regexp = "saml|oidc", message = "must be saml or oidc") String protocol,
            @Nullable @Size(max = SsoConfiguration.MAX_URL_LENGTH) String oidcIssuer,
            @Nullable @Size(max = SsoConfiguration.MAX_CLIENT_ID_LENGTH) String oidcClientId,
            @Nullable @Size(max = SsoConfiguration.MAX_CLIENT_SECRET_LENGTH) String oidcClientSecret,
            @Nullable @Size(max = SsoConfiguration.MAX_SCOPES * (SsoConfiguration.MAX_SCOPE_LENGTH + 1)) String oidcScopes) {

        @Override
        public String toString() {
            return "SsoBody[protocol=" + protocol + ", secrets=redacted]";
        }

        SsoSettings toSettings() {
            AttributeMapping mapping = attributeMapping == null ? null : new AttributeMapping(
                    or(attributeMapping.email(), AttributeMapping.DEFAULT.email()),
                    or(attributeMapping.firstName(), AttributeMapping.DEFAULT.firstName()),
                    or(attributeMapping.lastName(), AttributeMapping.DEFAULT.lastName()));
            return new SsoSettings(enabled, idpMetadataXml, idpEntityId, idpSsoUrl, idpCertificates, emailDomains, signAuthnRequests,
                    wantAssertionsEncrypted, allowIdpInitiated, jitProvisioning,
                    defaultRole == null ? null : WireNamed.parse(Role.class, defaultRole).orElseThrow(), enforceSso,
                    allowLegacyAlgorithms, mapping, new OidcSettings(protocol == null ? null : WireNamed.parse(SsoProtocol.class, protocol).orElseThrow(),
                    blankAsNull(oidcIssuer), blankAsNull(oidcClientId), oidcClientSecret == null || oidcClientSecret.isEmpty() ? null : oidcClientSecret,
                    oidcScopes == null ? null : scopes(oidcScopes)));
        }

        private static String blankAsNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static String or(String value, String fallback) {
            return value == null ? fallback : value;
        }
    }

    /** RFC 6749 3.3: scopes are separated by spaces (commas are taken too, as people type them). */
    static List<String> scopes(String text) {
        return java.util.Arrays.stream(text.strip().split("[\\s,]+")).filter(scope -> !scope.isEmpty()).toList();
    }

    @Serdeable
    record CertificateDetail(String subject, Instant notAfter, String sha256Fingerprint) {
    }

    @Serdeable
    record SpDetails(String entityId, String acsUrl, String metadataUrl, String signingCertificate, String encryptionCertificate) {
    }

    @Serdeable
    record AttributeMappingView(String email, String firstName, String lastName) {
    }

    @Serdeable
    record SsoResponse(boolean enabled, String idpEntityId, String idpSsoUrl, List<String> idpCertificates,
                       List<CertificateDetail> idpCertificateDetails, List<String> emailDomains, boolean signAuthnRequests,
                       boolean wantAssertionsEncrypted, boolean allowIdpInitiated, boolean jitProvisioning, String defaultRole,
                       boolean enforceSso, boolean allowLegacyAlgorithms, AttributeMappingView attributeMapping, SpDetails sp,
                       Instant createdAt, Instant updatedAt, String protocol, @Nullable String oidcIssuer, @Nullable String oidcClientId,
                       @Nullable String oidcScopes, boolean oidcClientSecretSet, String oidcRedirectUri) {

        static SsoResponse of(SsoView view) {
            SsoConfiguration c = view.configuration();
            return new SsoResponse(c.enabled(), c.idpEntityId(), c.idpSsoUrl(), c.idpCertificates(),
                    view.certificates().stream().map(i -> new CertificateDetail(i.subject(), i.notAfter(), i.sha256Fingerprint())).toList(),
                    c.emailDomains(), c.signAuthnRequests(), c.wantAssertionsEncrypted(), c.allowIdpInitiated(), c.jitProvisioning(),
                    c.defaultRole().wireName(), c.enforceSso(), c.allowLegacyAlgorithms(),
                    new AttributeMappingView(c.attributeMapping().email(), c.attributeMapping().firstName(), c.attributeMapping().lastName()),
                    new SpDetails(view.sp().entityId(), view.sp().acsUrl(), view.sp().metadataUrl(), c.spKeys().signingCertificate(),
                            c.spKeys().encryptionCertificate()),
                    c.createdAt(), c.updatedAt(), c.protocol().wireName(), c.oidc() == null ? null : c.oidc().issuer(),
                    c.oidc() == null ? null : c.oidc().clientId(), c.oidc() == null ? null : String.join(" ", c.oidc().scopes()), c.oidc() != null,
                    view.oidcRedirectUri());
        }
    }

    @Post
    @Operation(summary = "Save (create or replace) the workspace's SSO configuration; idp_metadata_xml fills the IdP fields")
    @ApiResponse(responseCode = "201", description = "saved", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed with field errors", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @ApiResponse(responseCode = "409", description = "domain_taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> save(@CurrentCaller Caller caller, @PathVariable UUID wid, @Valid @Body SsoBody body) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return respond(sso.save(caller.userId(), workspace, body.toSettings()), HttpStatus.CREATED);
    }

    @Get
    @Operation(summary = "The workspace's SSO configuration")
    @ApiResponse(responseCode = "200", description = "the configuration", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoResponse.class)))
    @ApiResponse(responseCode = "404", description = "not_found, sso_not_configured", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> get(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return respond(sso.get(caller.userId(), workspace), HttpStatus.OK);
    }

    @Patch
    @Operation(summary = "Change some fields of the SSO configuration, e.g. {\"enabled\": true}")
    @ApiResponse(responseCode = "200", description = "updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed with field errors", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> update(@CurrentCaller Caller caller, @PathVariable UUID wid, @Valid @Body SsoBody body) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return respond(sso.update(caller.userId(), workspace, body.toSettings()), HttpStatus.OK);
    }

    @Delete
    @Operation(summary = "Remove the SSO configuration; SSO logins for the workspace stop at once")
    HttpResponse<?> delete(@CurrentCaller Caller caller, @PathVariable UUID wid) {
        WorkspaceId workspace = new WorkspaceId(wid);
        return respond(sso.delete(caller.userId(), workspace), HttpStatus.NO_CONTENT);
    }

    @Serdeable
    record SsoEventResponse(Instant at, String outcome, String code, String detail, @Nullable String email, @Nullable String ip,
                            int count, Instant firstAt) {
        static SsoEventResponse of(SsoEvent event) {
            return new SsoEventResponse(event.at(), event.outcome().wireName(), event.code(), event.detail(), event.email(), event.ip(),
                    event.count(), event.firstAt());
        }
    }

    @Get("/events{?limit}")
    @Operation(summary = "Recent SSO login attempts, newest first: outcome, stable code and a detail saying what was expected and what arrived")
    @ApiResponse(responseCode = "200", description = "the events", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = SsoEventResponse.class))))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    HttpResponse<?> events(@CurrentCaller Caller caller, @PathVariable UUID wid, @Nullable @QueryValue Integer limit) {
        WorkspaceId workspace = new WorkspaceId(wid);
        SsoOutcome outcome = sso.events(caller.userId(), workspace, limit == null ? DEFAULT_EVENT_LIMIT : limit);
        return respond(outcome, HttpStatus.OK);
    }

    @Get(value = "/metadata", produces = SAML_METADATA)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The workspace's SAML SP metadata (public, for the IdP administrator)")
    HttpResponse<?> metadata(@PathVariable UUID wid) {
        return sso.serviceProviderMetadata(new WorkspaceId(wid))
                .<HttpResponse<?>>map(xml -> HttpResponse.ok(xml).contentType(MediaType.of(SAML_METADATA)))
                .orElseGet(() -> Problems.response(ErrorCode.SSO_NOT_CONFIGURED, "this workspace has no SSO configuration"));
    }

    private static HttpResponse<?> respond(SsoOutcome outcome, HttpStatus success) {
        return switch (outcome) {
            case SsoView view -> HttpResponse.status(success).body(SsoResponse.of(view));
            case SsoEventList list -> HttpResponse.ok(list.events().stream().map(SsoEventResponse::of).toList());
            case SsoDeleted deleted -> HttpResponse.status(success);
            case SsoRejected rejected -> Problems.response(rejected.code(), rejected.detail(), rejected.fields().isEmpty() ? null
                    : rejected.fields().stream().map(f -> new ProblemDetails.FieldError(fieldName(f), f.message())).toList());
        };
    }

    /** The JSON name of the setting a problem concerns ({@code email_domains[2]}, {@code attribute_mapping.email}). */
    static String fieldName(FieldProblem problem) {
        String name = switch (problem.field()) {
            case IDP_METADATA_XML -> "idp_metadata_xml";
            case IDP_ENTITY_ID -> "idp_entity_id";
            case IDP_SSO_URL -> "idp_sso_url";
            case IDP_CERTIFICATES -> "idp_certificates";
            case EMAIL_DOMAINS -> "email_domains";
            case DEFAULT_ROLE -> "default_role";
            case ATTRIBUTE_MAPPING_EMAIL -> "attribute_mapping.email";
            case ATTRIBUTE_MAPPING_FIRST_NAME -> "attribute_mapping.first_name";
            case ATTRIBUTE_MAPPING_LAST_NAME -> "attribute_mapping.last_name";
            case OIDC_ISSUER -> "oidc_issuer";
            case OIDC_CLIENT_ID -> "oidc_client_id";
            case OIDC_CLIENT_SECRET -> "oidc_client_secret";
            case OIDC_SCOPES -> "oidc_scopes";
        };
        return problem.index() == null ? name : name + "[" + problem.index() + "]";
    }

    private static HttpResponse<?> notFound() {
        return Problems.response(ErrorCode.NOT_FOUND, "no such workspace");
    }
}
