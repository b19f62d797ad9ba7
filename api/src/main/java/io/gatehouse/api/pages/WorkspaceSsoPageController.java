package io.gatehouse.api.pages;

import static io.gatehouse.api.pages.WorkspaceSettingsPages.SAVE_SSO;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.SWITCH_SSO;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.TEST_SSO;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.OidcSettings;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.FieldProblem;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoRejected;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoSettings;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoView;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase.SendToSso;
import io.gatehouse.api.security.OidcFlowCookie;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The single sign-on section of the workspace settings: set the IdP up by pasting or uploading its metadata, or by
 * typing its entity id, SSO URL and certificate; turn SSO and its enforcement on and off; and a test sign-in
 * through the IdP. The use case of {@code /api/v1/workspaces/{wid}/sso} validates everything (metadata parsed by
 * OpenSAML with DTDs refused, URLs, PEM), with the same field problems.
 */
@Hidden
@Controller("/workspaces/{wid}/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class WorkspaceSsoPageController {

    private final WorkspaceSettingsPages pages;
    private final SsoConfigurationUseCase sso;
    private final StartSsoLoginUseCase starter;
    private final OidcFlowCookie flows;
    private final ClientInfoResolver clients;

    WorkspaceSsoPageController(WorkspaceSettingsPages pages, SsoConfigurationUseCase sso, StartSsoLoginUseCase starter, OidcFlowCookie flows,
                               ClientInfoResolver clients) {
        this.pages = pages;
        this.sso = sso;
        this.starter = starter;
        this.flows = flows;
        this.clients = clients;
    }

    /** The SSO form, multipart so that a metadata file can be uploaded; every part is optional and bounded by the use case's limits. */
    @Post(value = SAVE_SSO, consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> save(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid,
                         @Nullable @Part("csrf") String csrf, @Nullable @Part("idp_metadata_xml") String pasted,
                         @Nullable @Part("metadata_file") CompletedFileUpload file, @Nullable @Part("idp_entity_id") String entityId,
                         @Nullable @Part("idp_sso_url") String ssoUrl, @Nullable @Part("idp_certificate") String certificate,
                         @Nullable @Part("email_domains") String emailDomains, @Nullable @Part("protocol") String protocol,
                         @Nullable @Part("oidc_issuer") String oidcIssuer, @Nullable @Part("oidc_client_id") String oidcClientId,
                         @Nullable @Part("oidc_client_secret") String oidcClientSecret, @Nullable @Part("oidc_scopes") String oidcScopes) {
        return pages.act(http, authentication, wid, SAVE_SSO, csrf, admin -> {
            Map<String, String> typed = new HashMap<>();
            typed.put("idp_metadata_xml", bounded(pasted, SsoConfiguration.MAX_METADATA_LENGTH));
            typed.put("idp_entity_id", bounded(entityId, SsoConfiguration.MAX_ENTITY_ID_LENGTH));
            typed.put("idp_sso_url", bounded(ssoUrl, SsoConfiguration.MAX_URL_LENGTH));
            typed.put("idp_certificate", bounded(certificate, SsoConfiguration.MAX_CERTIFICATE_LENGTH));
            typed.put("email_domains", bounded(emailDomains, SsoConfiguration.MAX_DOMAINS * (SsoConfiguration.MAX_DOMAIN_LENGTH + 2)));
            typed.put("protocol", "oidc".equals(protocol) ? "oidc" : "saml");
            typed.put("oidc_issuer", bounded(oidcIssuer, SsoConfiguration.MAX_URL_LENGTH));
            typed.put("oidc_client_id", bounded(oidcClientId, SsoConfiguration.MAX_CLIENT_ID_LENGTH));
            typed.put("oidc_scopes", bounded(oidcScopes, SsoConfiguration.MAX_SCOPES * (SsoConfiguration.MAX_SCOPE_LENGTH + 1)));
            if ("oidc".equals(typed.get("protocol"))) {
                // The secret is never echoed back into the form (typed values are re-rendered on a refusal).
                return saveConnection(http, admin, typed, bounded(oidcClientSecret, SsoConfiguration.MAX_CLIENT_SECRET_LENGTH));
            }
            String metadata;
            try {
                metadata = uploaded(file).orElse(typed.get("idp_metadata_xml").isBlank() ? null : typed.get("idp_metadata_xml"));
            } catch (IOException | IllegalArgumentException e) {
                return pages.render(http, admin, HttpStatus.BAD_REQUEST, new FieldError("metadata_file", ErrorCode.VALIDATION_FAILED.code(),
                        "The file could not be read, or is larger than " + SsoConfiguration.MAX_METADATA_LENGTH / 1024 + " KiB."), null, typed);
            }
            SsoSettings settings = new SsoSettings(null, metadata, metadata != null ? null : blankToNull(typed.get("idp_entity_id")),
                    metadata != null ? null : blankToNull(typed.get("idp_sso_url")),
                    metadata != null || typed.get("idp_certificate").isBlank() ? null : List.of(typed.get("idp_certificate")),
                    domains(typed.get("email_domains")), null, null, null, null, null, null, null, null,
                    new OidcSettings(SsoProtocol.SAML, null, null, null, null));
            if (metadata == null && settings.idpEntityId() == null && settings.idpSsoUrl() == null && settings.idpCertificates() == null
                    && settings.emailDomains() == null) {
                return pages.render(http, admin, HttpStatus.BAD_REQUEST, new FieldError("idp_metadata_xml", ErrorCode.VALIDATION_FAILED.code(),
                        "Paste or upload your identity provider's metadata, or fill in its details below."), null, typed);
            }
            var outcome = sso.get(admin.user(), admin.workspace()) instanceof SsoView
                    ? sso.update(admin.user(), admin.workspace(), settings) : sso.save(admin.user(), admin.workspace(), settings);
            return outcome instanceof SsoRejected rejected
                    ? pages.render(http, admin, Problems.statusOf(rejected.code()), fieldError(rejected), null, typed)
                    : WorkspaceSettingsPages.done(admin, "sso");
        });
    }

    /** An OpenID Connect connection: issuer, client, secret (write-only: left empty, the sealed one is kept), scopes, domains. */
    private HttpResponse<?> saveConnection(HttpRequest<?> http, WorkspaceSettingsPages.Admin admin, Map<String, String> typed, String secret) {
        SsoSettings settings = new SsoSettings(null, null, null, null, null, domains(typed.get("email_domains")), null, null, null, null, null,
                null, null, null, new OidcSettings(SsoProtocol.OIDC, blankToNull(typed.get("oidc_issuer")), blankToNull(typed.get("oidc_client_id")),
                secret.isEmpty() ? null : secret, typed.get("oidc_scopes").isBlank() ? null : List.of(typed.get("oidc_scopes").strip().split("[\\s,]+"))));
        var outcome = sso.get(admin.user(), admin.workspace()) instanceof SsoView
                ? sso.update(admin.user(), admin.workspace(), settings) : sso.save(admin.user(), admin.workspace(), settings);
        return outcome instanceof SsoRejected rejected
                ? pages.render(http, admin, Problems.statusOf(rejected.code()), fieldError(rejected), null, typed)
                : WorkspaceSettingsPages.done(admin, "sso");
    }

    /** SSO on or off, enforcement on or off: {@code setting} is {@code enabled} or {@code enforce_sso}, {@code value} true or false. */
    @Post(value = SWITCH_SSO, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> toggle(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid, @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, SWITCH_SSO, form.get(FormTokens.FIELD), admin -> {
            Boolean value = "true".equals(form.get("value")) ? Boolean.TRUE : "false".equals(form.get("value")) ? Boolean.FALSE : null;
            String setting = form.getOrDefault("setting", "");
            if (value == null || !(setting.equals("enabled") || setting.equals("enforce_sso"))) {
                return WorkspaceSettingsPages.done(admin, "sso");
            }
            SsoSettings change = new SsoSettings(setting.equals("enabled") ? value : null, null, null, null, null, null, null, null, null,
                    null, null, setting.equals("enforce_sso") ? value : null, null, null);
            return sso.update(admin.user(), admin.workspace(), change) instanceof SsoRejected rejected
                    ? pages.render(http, admin, Problems.statusOf(rejected.code()), new FieldError("sso_switch", rejected.code().code(),
                    Messages.of(rejected.code())), null, Map.of())
                    : WorkspaceSettingsPages.done(admin, "sso");
        });
    }

    /**
     * A sign-in through the workspace's IdP, exactly as its people will make it, ending on this page; its outcome, with
     * the exact reason of a refusal, is the newest of the events. The browser leaves by the meta-refresh page (a
     * redirect after a form post would be blocked by the CSP's form-action 'self').
     */
    @Post(value = TEST_SSO, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid, @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, TEST_SSO, form.get(FormTokens.FIELD), admin ->
                switch (starter.startForWorkspace(admin.workspace(), WorkspaceSettingsPages.path(wid, ""), clients.resolve(http),
                        flows.read(http).orElse(null))) {
                    case SendToSso send -> {
                        MutableHttpResponse<?> leave = HttpResponse.ok(new ModelAndView<>("redirect", Map.of("page", new RedirectPage(send.url()))));
                        yield send.browserSecret() == null ? leave : flows.set(leave, send.browserSecret());
                    }
                    case SsoRefused refused -> pages.render(http, admin, Problems.statusOf(refused.code()), new FieldError("sso_test",
                            refused.code().code(), refused.code() == ErrorCode.SSO_NOT_CONFIGURED ? "Turn single sign-on on first."
                            : Messages.of(refused.code())), null, Map.of());
                    case SsoThrottled throttled -> pages.render(http, admin, HttpStatus.TOO_MANY_REQUESTS, new FieldError("sso_test",
                            ErrorCode.TOO_MANY_ATTEMPTS.code(), Messages.of(ErrorCode.TOO_MANY_ATTEMPTS)), null, Map.of())
                            .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                });
    }

    /** The uploaded metadata file, when one was chosen (a form without a file still sends an empty part). */
    private static java.util.Optional<String> uploaded(@Nullable CompletedFileUpload file) throws IOException {
        if (file == null || file.getSize() == 0) {
            return java.util.Optional.empty();
        }
        if (file.getSize() > SsoConfiguration.MAX_METADATA_LENGTH) {
            throw new IllegalArgumentException("too large");
        }
        return java.util.Optional.of(new String(file.getBytes(), StandardCharsets.UTF_8));
    }

    /** The first problem, next to its field (the domain's own words say exactly what is wrong). */
    private static FieldError fieldError(SsoRejected rejected) {
        if (rejected.fields().isEmpty()) {
            return new FieldError("idp_metadata_xml", rejected.code().code(), rejected.detail());
        }
        FieldProblem problem = rejected.fields().get(0);
        String field = switch (problem.field()) {
            case IDP_METADATA_XML -> "idp_metadata_xml";
            case IDP_ENTITY_ID -> "idp_entity_id";
            case IDP_SSO_URL -> "idp_sso_url";
            case IDP_CERTIFICATES -> "idp_certificate";
            case EMAIL_DOMAINS -> "email_domains";
            case OIDC_ISSUER -> "oidc_issuer";
            case OIDC_CLIENT_ID -> "oidc_client_id";
            case OIDC_CLIENT_SECRET -> "oidc_client_secret";
            case OIDC_SCOPES -> "oidc_scopes";
            default -> "idp_metadata_xml";
        };
        return new FieldError(field, rejected.code().code(), problem.message());
    }

    private static List<String> domains(String typed) {
        List<String> domains = Arrays.stream(typed.split("[,\\s]+")).filter(domain -> !domain.isEmpty()).toList();
        return domains.isEmpty() ? null : domains;
    }

    private static String bounded(@Nullable String value, int max) {
        return value == null ? "" : value.length() > max ? value.substring(0, max) : value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
