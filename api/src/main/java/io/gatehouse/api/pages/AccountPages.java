package io.gatehouse.api.pages;

import io.gatehouse.api.security.Caller;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the forms of {@code /account} share: a browser session (a bearer token, perhaps scoped to one workspace,
 * cannot drive them), one CSRF token per form, and rendering the page from the use cases of the JSON API's
 * {@code /me} resources.
 */
@Singleton
final class AccountPages {

    static final String PATH = "/account";
    static final String LOGOUT = "/logout";
    static final String REVOKE_SESSION = "/account/sessions/revoke";
    static final String CHANGE_PASSWORD = "/account/password";
    static final String CREATE_TOKEN = "/account/api-tokens";
    static final String DELETE_TOKEN = "/account/api-tokens/delete";
    static final String NEW_API_KEY = "/account/developer-key";
    static final String LINK = "/account/links/link";
    static final String UNLINK = "/account/links/unlink";
    private static final List<String> ACTIONS = List.of(LOGOUT, REVOKE_SESSION, CHANGE_PASSWORD, CREATE_TOKEN, DELETE_TOKEN, NEW_API_KEY,
            LINK, UNLINK);

    private final AccountUseCase accounts;
    private final ManageSessionsUseCase sessions;
    private final ApiTokenUseCase apiTokens;
    private final ExternalAccountsUseCase externalAccounts;
    private final DeveloperApiAccessUseCase developerAccess;
    private final FormTokens forms;
    private final OidcLoginUseCase oidc;

    AccountPages(AccountUseCase accounts, ManageSessionsUseCase sessions, ApiTokenUseCase apiTokens, ExternalAccountsUseCase externalAccounts,
                 DeveloperApiAccessUseCase developerAccess, FormTokens forms, OidcLoginUseCase oidc) {
        this.oidc = oidc;
        this.accounts = accounts;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.externalAccounts = externalAccounts;
        this.developerAccess = developerAccess;
        this.forms = forms;
    }

    /** What one answer adds to the page: a secret shown once, an error next to its field, or a notice. */
    record Flash(@Nullable String newToken, @Nullable String newApiKey, @Nullable String newApiSecret, @Nullable FieldError error,
                 @Nullable String notice) {
        static final Flash NONE = new Flash(null, null, null, null, null);

        static Flash error(FieldError error) {
            return new Flash(null, null, null, error, null);
        }

        static Flash notice(String notice) {
            return new Flash(null, null, null, null, notice);
        }

        @Override
        public String toString() {
            return "Flash[secrets=redacted, error=" + error + ", notice=" + notice + "]";
        }
    }

    HttpResponse<?> show(HttpRequest<?> http, @Nullable Authentication authentication) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        return caller.isEmpty() ? PageSessions.signInFirst(PATH) : render(http, caller.get(), HttpStatus.OK, Flash.NONE);
    }

    /** Runs {@code action} for a browser session whose post carries this browser's token for {@code form}. */
    HttpResponse<?> act(HttpRequest<?> http, @Nullable Authentication authentication, String form, @Nullable String csrf,
                        Function<Caller, HttpResponse<?>> action) {
        Optional<Caller> caller = PageSessions.caller(authentication);
        if (caller.isEmpty()) {
            return PageSessions.signInFirst(PATH);
        }
        if (!forms.isValid(http, form, csrf)) {
            return expired();
        }
        return action.apply(caller.get());
    }

    static HttpResponse<?> expired() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("expired", Map.of()));
    }

    MutableHttpResponse<?> render(HttpRequest<?> http, Caller caller, HttpStatus status, Flash flash) {
        Optional<AccountUseCase.Profile> profile = accounts.profile(caller.userId());
        if (profile.isEmpty()) {
            return PageSessions.signInFirst(PATH);
        }
        User user = profile.get().user();
        List<WorkspaceRole> memberships = profile.get().workspaces();
        List<AccountPage.WorkspaceRow> workspaceRows = memberships.stream()
                .map(membership -> new AccountPage.WorkspaceRow(membership.workspace().id().value().toString(), membership.workspace().name(),
                        membership.role().wireName(), membership.role().isWorkspaceAdmin()))
                .toList();
        List<AccountPage.SessionRow> sessionRows = sessions.list(caller.userId(), caller.sessionId().orElseThrow()).stream()
                .map(view -> new AccountPage.SessionRow(view.session().id().value().toString(), device(view.session().userAgent()),
                        PageSessions.when(view.session().createdAt()), PageSessions.when(view.session().lastSeenAt()),
                        view.session().authMethod().wireName(), view.current()))
                .toList();
        List<AccountPage.TokenRow> tokenRows = apiTokens.listMine(caller.userId()).stream()
                .map(token -> new AccountPage.TokenRow(token.id().value().toString(), token.note() == null ? "" : token.note(),
                        token.tokenPrefix(), PageSessions.when(token.createdAt()), PageSessions.when(token.expiresAt()),
                        PageSessions.when(token.lastUsedAt())))
                .toList();
        Map<String, String> providerNames = new LinkedHashMap<>();
        oidc.providers().forEach(provider -> providerNames.put(provider.name(), provider.displayName()));
        List<AccountPage.LinkRow> links = externalAccounts.list(caller.userId()).stream()
                .map(link -> new AccountPage.LinkRow(link.providerName(), displayName(link, memberships, providerNames),
                        link.email() == null ? "" : link.email(), PageSessions.when(link.linkedAt())))
                .toList();
        List<AccountPage.LinkableRow> linkable = externalAccounts.linkable(caller.userId()).stream()
                .map(provider -> new AccountPage.LinkableRow(provider.providerName(), provider.displayName()))
                .toList();
        FormTokens.Secret secret = forms.secretFor(http);
        Map<String, String> csrf = new LinkedHashMap<>();
        ACTIONS.forEach(action -> csrf.put(action, forms.tokenFor(secret, action)));
        AccountPage page = new AccountPage(user.fullName() == null ? "" : user.fullName(), user.email().value(), user.emailVerified(),
                user.hasPassword(), workspaceRows, sessionRows, tokenRows, links, linkable,
                developerAccess.currentApiKey(caller.userId()).orElse(null), flash.newToken(), flash.newApiKey(), flash.newApiSecret(),
                flash.error(), flash.notice(), csrf);
        return forms.remember(HttpResponse.status(status).body(new ModelAndView<>("account", Map.of("page", page))), secret);
    }

    /** A workspace's IdP is shown by the workspace's name (when the person is a member), an instance provider by its display name. */
    private static String displayName(ExternalIdentity link, List<WorkspaceRole> memberships, Map<String, String> providerNames) {
        return memberships.stream()
                .filter(membership -> SsoProtocol.workspaceOf(link.providerName()).filter(membership.workspace().id()::equals).isPresent())
                .map(membership -> membership.workspace().name() + " (single sign-on)")
                .findFirst().orElse(providerNames.getOrDefault(link.providerName(), link.providerName()));
    }

    private static String device(@Nullable String userAgent) {
        return userAgent == null || userAgent.isBlank() ? "Unknown device" : userAgent.length() > 80 ? userAgent.substring(0, 80) + "…" : userAgent;
    }
}
