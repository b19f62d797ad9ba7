package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An application registered to sign people in with Gatehouse as its OpenID Provider (OpenID Connect Core 1.0,
 * RFC 6749 2). A confidential client authenticates with a secret (stored as a SHA-256 digest of 256 random bits,
 * shown once); a public client (a SPA, a native app) has none and relies on PKCE alone. Redirect URIs are compared
 * exactly (RFC 9700 2.1: no wildcards, no prefix matching).
 */
public record OAuthClient(String clientId, String name, Type type, SecretToken.TokenHash secretHash, List<String> redirectUris,
                          List<String> postLogoutRedirectUris, Set<String> allowedScopes, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_REDIRECT_URIS = 20;
    public static final int MAX_URI_LENGTH = 2048;
    /** The scopes Gatehouse knows (OpenID Connect Core 5.4, plus {@code workspaces}). */
    public static final Set<String> KNOWN_SCOPES = Set.of("openid", "email", "profile", "workspaces", "offline_access");

    public enum Type implements WireNamed {
        CONFIDENTIAL, PUBLIC
    }

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if ((type == Type.CONFIDENTIAL) != (secretHash != null)) {
            throw new IllegalArgumentException("a confidential client has a secret, a public one none");
        }
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        allowedScopes = Set.copyOf(allowedScopes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isConfidential() {
        return type == Type.CONFIDENTIAL;
    }

    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + ", name=" + name + ", type=" + type + ", secret=redacted]";
    }
}
