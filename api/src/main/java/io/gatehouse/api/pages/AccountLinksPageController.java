package io.gatehouse.api.pages;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.OidcFlowCookie;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase.Unlinked;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.OidcLoginUseCase.SendToProvider;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase.SendToIdp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * Linked sign-ins on {@code /account}: link a provider (off to its sign-in page; its answer at the ACS or the OpenID
 * Connect callback links the identity to this account and comes back here) and unlink one (never the last way to sign in), on the use cases of
 * {@code /api/v1/me/external-accounts}.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
final class AccountLinksPageController {

    private static final int MAX_PROVIDER = 64;

    private final AccountPages pages;
    private final ExternalAccountsUseCase externalAccounts;
    private final StartSamlLoginUseCase starter;
    private final OidcLoginUseCase oidc;
    private final OidcFlowCookie flows;

    AccountLinksPageController(AccountPages pages, ExternalAccountsUseCase externalAccounts, StartSamlLoginUseCase starter,
                               OidcLoginUseCase oidc, OidcFlowCookie flows) {
        this.pages = pages;
        this.externalAccounts = externalAccounts;
        this.starter = starter;
        this.oidc = oidc;
        this.flows = flows;
    }

    /** Leaves by the meta-refresh page: the CSP's form-action 'self' would block a redirect to the IdP after this post. */
    @Post(value = AccountPages.LINK, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        String provider = PageForms.field(form, "provider", MAX_PROVIDER);
        if (!provider.startsWith(ExternalIdentity.SAML_PREFIX)) {
            return pages.act(http, authentication, AccountPages.LINK, form.get(FormTokens.FIELD), caller ->
                    switch (oidc.startLink(caller.userId(), provider, AccountPages.PATH, flows.read(http).orElse(null))) {
                        case SendToProvider send -> flows.set(HttpResponse.ok(new ModelAndView<>("redirect",
                                Map.of("page", new RedirectPage(send.url())))), send.browserSecret());
                        case SsoRefused refused -> refusedLink(http, caller, refused);
                        case SsoThrottled throttled -> throttledLink(http, caller);
                    });
        }
        return pages.act(http, authentication, AccountPages.LINK, form.get(FormTokens.FIELD), caller ->
                switch (starter.startLink(caller.userId(), provider, AccountPages.PATH)) {
                    case SendToIdp send -> HttpResponse.ok(new ModelAndView<>("redirect", Map.of("page", new RedirectPage(send.url()))));
                    case SsoRefused refused -> refusedLink(http, caller, refused);
                    case SsoThrottled throttled -> throttledLink(http, caller);
                });
    }

    private HttpResponse<?> refusedLink(HttpRequest<?> http, Caller caller, SsoRefused refused) {
        return pages.render(http, caller, Problems.statusOf(refused.code()), AccountPages.Flash.error(
                new FieldError("links", refused.code().code(), linkMessage(refused.code()))));
    }

    private HttpResponse<?> throttledLink(HttpRequest<?> http, Caller caller) {
        return pages.render(http, caller, HttpStatus.TOO_MANY_REQUESTS, AccountPages.Flash.error(
                new FieldError("links", ErrorCode.TOO_MANY_ATTEMPTS.code(), Messages.of(ErrorCode.TOO_MANY_ATTEMPTS))));
    }

    @Post(value = AccountPages.UNLINK, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlink(HttpRequest<?> http, @Nullable Authentication authentication, @Body Map<String, String> form) {
        return pages.act(http, authentication, AccountPages.UNLINK, form.get(FormTokens.FIELD), caller ->
                switch (externalAccounts.unlink(caller.userId(), PageForms.field(form, "provider", MAX_PROVIDER))) {
                    case Unlinked unlinked -> LoginPageController.seeOther(AccountPages.PATH);
                    case SsoRefused refused -> pages.render(http, caller, Problems.statusOf(refused.code()), AccountPages.Flash.error(
                            new FieldError("links", refused.code().code(), linkMessage(refused.code()))));
                });
    }

    private static String linkMessage(ErrorCode code) {
        return switch (code) {
            case LAST_LOGIN_METHOD -> "This is your only way to sign in: set a password (Forgot password) or link another sign-in first.";
            case ALREADY_LINKED -> "This sign-in is already linked to your account.";
            case NOT_LINKED -> "This sign-in is not linked to your account.";
            case UNKNOWN_PROVIDER -> "This sign-in is not available.";
            default -> Messages.of(code);
        };
    }
}
