package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthorizationGrant;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.port.in.AuthorizeUseCase;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.gatehouse.domain.port.out.AuthorizationCodes;
import io.gatehouse.domain.port.out.OAuthClients;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint: authorization code flow with PKCE S256 only (RFC 9700 2.1.1: no implicit flow, no
 * {@code plain} challenge). The client and its exactly registered redirect URI are checked first: until both hold,
 * nothing is sent to the redirect URI (RFC 6749 4.1.2.1, no open redirector). Consent is implicit: clients are
 * registered by the instance's admins (first-party).
 */
public final class AuthorizationEndpoint implements AuthorizeUseCase {

    private static final int MAX_STATE = 1024;
    private static final int MAX_NONCE = 512;
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    private final OAuthClients clients;
    private final AuthorizationCodes codes;
    private final Duration codeLifetime;
    private final SecureRandom random;
    private final Clock clock;

    public AuthorizationEndpoint(OAuthClients clients, AuthorizationCodes codes, Duration codeLifetime, SecureRandom random, Clock clock) {
        this.clients = clients;
        this.codes = codes;
        this.codeLifetime = codeLifetime;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public AuthorizeOutcome authorize(AuthorizeRequest request, Optional<SessionPrincipal> session) {
        Optional<OAuthClient> found = request.clientId() == null ? Optional.empty() : clients.find(request.clientId());
        if (found.isEmpty()) {
            return new NotForClient("invalid_request", "unknown client_id");
        }
        OAuthClient client = found.get();
        // RFC 9700 2.1: exact string comparison, no pattern, no prefix.
        if (request.redirectUri() == null || !client.redirectUris().contains(request.redirectUri())) {
            return new NotForClient("invalid_request", "redirect_uri is not one of the URIs registered for this client");
        }
        String state = request.state() != null && request.state().length() > MAX_STATE ? null : request.state();
        if (!"code".equals(request.responseType())) {
            return error(request, "unsupported_response_type", "only the authorization code flow (response_type=code) is offered", state);
        }
        if (request.state() != null && request.state().length() > MAX_STATE) {
            return error(request, "invalid_request", "state is longer than " + MAX_STATE + " characters", null);
        }
        if (!request.scopes().contains("openid")) {
            return error(request, "invalid_scope", "the openid scope is required", state);
        }
        Set<String> scopes = new LinkedHashSet<>(request.scopes());
        for (String scope : scopes) {
            if (!client.allowedScopes().contains(scope)) {
                return error(request, "invalid_scope", "the scope " + scope + " is not allowed for this client", state);
            }
        }
        if (request.codeChallenge() == null) {
            return error(request, "invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256", state);
        }
        if (!"S256".equals(request.codeChallengeMethod())) {
            return error(request, "invalid_request", "code_challenge_method must be S256 (plain is refused)", state);
        }
        if (!request.codeChallenge().matches("[A-Za-z0-9_-]{43}")) {
            return error(request, "invalid_request", "code_challenge is not the base64url of a SHA-256 digest", state);
        }
        if (request.nonce() != null && request.nonce().length() > MAX_NONCE) {
            return error(request, "invalid_request", "nonce is longer than " + MAX_NONCE + " characters", state);
        }
        Set<String> prompt = request.prompt() == null ? Set.of() : Set.of(request.prompt().trim().split("\\s+"));
        if (!PROMPTS.containsAll(prompt) || prompt.contains("none") && prompt.size() > 1) {
            return error(request, "invalid_request", "prompt must be none, or any of login, consent, select_account", state);
        }
        if (request.maxAge() != null && request.maxAge() < 0) {
            return error(request, "invalid_request", "max_age must not be negative", state);
        }
        Instant now = clock.instant();
        if (session.isEmpty()) {
            // OpenID Connect Core 3.1.2.6: prompt=none never shows a page.
            return prompt.contains("none") ? error(request, "login_required", "no one is signed in", state) : new SignInFirst(false);
        }
        Session browser = session.get().session();
        boolean tooOld = request.maxAge() != null && browser.createdAt().plusSeconds(request.maxAge()).isBefore(now);
        if (prompt.contains("login") || tooOld) {
            return prompt.contains("none") ? error(request, "login_required", "the sign-in is older than max_age", state) : new SignInFirst(true);
        }
        SecretToken code = SecretToken.generate(random);
        codes.insert(new AuthorizationGrant(code.hash(), client.clientId(), browser.userId(), browser.id(), request.redirectUri(),
                request.codeChallenge(), scopes, request.nonce(), browser.createdAt(), browser.authMethod(), now, now.plus(codeLifetime)));
        return new CodeIssued(request.redirectUri(), code.value(), state);
    }

    private static ErrorToClient error(AuthorizeRequest request, String error, String description, String state) {
        return new ErrorToClient(request.redirectUri(), error, description, state);
    }

    /** The scopes of a request, for tests and the protocol layer: a space-separated list (RFC 6749 3.3). */
    public static List<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
    }
}
