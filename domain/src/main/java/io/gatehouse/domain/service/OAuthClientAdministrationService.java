package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase;
import io.gatehouse.domain.port.out.OAuthClients;
import io.gatehouse.domain.port.out.Users;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Registration of OpenID Provider clients by instance admins. Redirect URIs are absolute https URLs (http only on a
 * loopback host, RFC 8252 7.3), without fragment (RFC 6749 3.1.2) or wildcard: they are compared exactly at the
 * authorization endpoint (RFC 9700 2.1). A confidential client's secret has 256 random bits, is shown once and kept as
 * its SHA-256 digest.
 */
public final class OAuthClientAdministrationService implements OAuthClientAdministrationUseCase {

    static final String CLIENT_ID_PREFIX = "ghc_";
    static final String SECRET_PREFIX = "ghcs_";
    private static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    private final OAuthClients clients;
    private final Users users;
    private final SecureRandom random;
    private final Clock clock;

    public OAuthClientAdministrationService(OAuthClients clients, Users users, SecureRandom random, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public ClientOutcome register(UserId caller, ClientRegistration registration) {
        return asAdmin(caller, () -> {
            List<Problem> problems = new ArrayList<>();
            String name = registration.name() == null ? "" : registration.name().strip();
            if (name.isEmpty() || name.length() > OAuthClient.MAX_NAME_LENGTH) {
                problems.add(new Problem("name", "is required: 1 to " + OAuthClient.MAX_NAME_LENGTH + " characters"));
            }
            List<String> redirects = uris("redirect_uris", registration.redirectUris(), true, problems);
            List<String> logoutRedirects = uris("post_logout_redirect_uris", registration.postLogoutRedirectUris(), false, problems);
            OAuthClient.Type type = registration.type() == null ? OAuthClient.Type.CONFIDENTIAL
                    : io.gatehouse.domain.model.WireNamed.parse(OAuthClient.Type.class, registration.type()).orElse(null);
            if (type == null) {
                problems.add(new Problem("type", "must be confidential or public"));
            }
            List<String> scopes = registration.allowedScopes() == null || registration.allowedScopes().isEmpty() ? DEFAULT_SCOPES
                    : registration.allowedScopes();
            for (int i = 0; i < scopes.size(); i++) {
                if (!OAuthClient.KNOWN_SCOPES.contains(scopes.get(i))) {
                    problems.add(new Problem("allowed_scopes[" + i + "]", "is not one of " + OAuthClient.KNOWN_SCOPES.stream().sorted().toList()));
                }
            }
            if (!scopes.contains("openid")) {
                problems.add(new Problem("allowed_scopes", "must include openid"));
            }
            if (!problems.isEmpty()) {
                return new ClientRejected(ErrorCode.VALIDATION_FAILED, "the client registration has invalid fields", problems);
            }
            String clientId = CLIENT_ID_PREFIX + SecretToken.generate(random).value().substring(0, 22);
            SecretToken secret = type == OAuthClient.Type.CONFIDENTIAL ? SecretToken.generate(random, SECRET_PREFIX) : null;
            OAuthClient client = new OAuthClient(clientId, name, type, secret == null ? null : secret.hash(), redirects, logoutRedirects,
                    new LinkedHashSet<>(scopes), clock.instant());
            clients.insert(client);
            return new Registered(client, secret == null ? null : secret.value());
        });
    }

    @Override
    public ClientOutcome list(UserId caller) {
        return asAdmin(caller, () -> new ClientList(clients.list()));
    }

    @Override
    public ClientOutcome get(UserId caller, String clientId) {
        return asAdmin(caller, () -> clients.find(clientId).<ClientOutcome>map(ClientView::new)
                .orElseGet(() -> new ClientRejected(ErrorCode.NOT_FOUND, "no such client", List.of())));
    }

    @Override
    public ClientOutcome delete(UserId caller, String clientId) {
        return asAdmin(caller, () -> {
            if (!clients.delete(clientId)) {
                return new ClientRejected(ErrorCode.NOT_FOUND, "no such client", List.of());
            }
            return new ClientDeleted();
        });
    }

    private ClientOutcome asAdmin(UserId caller, Supplier<ClientOutcome> action) {
        boolean admin = users.findById(caller).map(User::isActiveInstanceAdmin).orElse(false);
        return admin ? action.get() : new ClientRejected(ErrorCode.FORBIDDEN, "instance administrators only", List.of());
    }

    private static List<String> uris(String field, List<String> given, boolean required, List<Problem> problems) {
        List<String> uris = given == null ? List.of() : given;
        if (required && uris.isEmpty()) {
            problems.add(new Problem(field, "at least one is required"));
        }
        if (uris.size() > OAuthClient.MAX_REDIRECT_URIS) {
            problems.add(new Problem(field, "at most " + OAuthClient.MAX_REDIRECT_URIS));
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            if (!isRedirectUri(uri)) {
                problems.add(new Problem(field + "[" + i + "]", "must be an absolute https URL (http only on a loopback host), "
                        + "without fragment, user info or wildcard"));
            } else {
                unique.add(uri);
            }
        }
        return List.copyOf(unique);
    }

    static boolean isRedirectUri(String value) {
        if (value == null || value.isEmpty() || value.length() > OAuthClient.MAX_URI_LENGTH || value.contains("*")) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    && (scheme.equals("https") || scheme.equals("http") && PublicUrl.isLoopbackHost(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
