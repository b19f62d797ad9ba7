package io.gatehouse.api.pages;

import static io.gatehouse.api.pages.WorkspaceSettingsPages.CLAIM_DOMAIN;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.DELETE_DOMAIN;
import static io.gatehouse.api.pages.WorkspaceSettingsPages.VERIFY_DOMAIN;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainRefused;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.UUID;

/**
 * The email domains section of the workspace settings: claim a domain (it shows the TXT record to publish), verify
 * it (Gatehouse looks the record up through its resolvers; when it is not there, the page says what was found),
 * remove a claim. The use case of {@code /api/v1/workspaces/{wid}/domains} decides, with its codes.
 */
@Hidden
@Controller("/workspaces/{wid}/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class WorkspaceDomainsPageController {

    private final WorkspaceSettingsPages pages;
    private final DomainOwnershipUseCase domains;

    WorkspaceDomainsPageController(WorkspaceSettingsPages pages, DomainOwnershipUseCase domains) {
        this.pages = pages;
        this.domains = domains;
    }

    @Post(value = CLAIM_DOMAIN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> claim(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid, @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, CLAIM_DOMAIN, form.get(FormTokens.FIELD), admin -> {
            String domain = domain(form);
            return domains.claim(admin.user(), admin.workspace(), domain) instanceof DomainRefused refused
                    ? pages.render(http, admin, Problems.statusOf(refused.code()), new FieldError("domain", refused.code().code(),
                    Messages.of(refused.code())), null, Map.of("domain", domain))
                    : WorkspaceSettingsPages.done(admin, "domains");
        });
    }

    @Post(value = VERIFY_DOMAIN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verify(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid, @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, VERIFY_DOMAIN, form.get(FormTokens.FIELD), admin -> {
            String domain = domain(form);
            if (domains.verify(admin.user(), admin.workspace(), domain) instanceof DomainRefused refused) {
                // What the resolvers found (another value, no record, NXDOMAIN, a timeout) is what the admin needs to fix it.
                String message = refused.code() == ErrorCode.DOMAIN_NOT_VERIFIED
                        ? Messages.of(refused.code()) + " " + refused.detail() : Messages.of(refused.code());
                return pages.render(http, admin, Problems.statusOf(refused.code()), new FieldError("domains", refused.code().code(),
                        message), null, Map.of());
            }
            return pages.render(http, admin, HttpStatus.OK, null, domain + " is verified: it now belongs to this workspace.", Map.of());
        });
    }

    @Post(value = DELETE_DOMAIN, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> http, @Nullable Authentication authentication, @PathVariable UUID wid, @Body Map<String, String> form) {
        return pages.act(http, authentication, wid, DELETE_DOMAIN, form.get(FormTokens.FIELD), admin -> {
            domains.delete(admin.user(), admin.workspace(), domain(form));
            return WorkspaceSettingsPages.done(admin, "domains");
        });
    }

    private static String domain(Map<String, String> form) {
        return PageForms.field(form, "domain", SsoConfiguration.MAX_DOMAIN_LENGTH).strip();
    }
}
