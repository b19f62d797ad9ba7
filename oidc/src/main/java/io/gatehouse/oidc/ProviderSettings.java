package io.gatehouse.oidc;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One instance provider as the operator configured it: an OpenID Connect provider (everything from its issuer's
 * discovery document), or a plain OAuth 2.0 provider such as GitHub ({@code oauth2} set: explicit endpoints, and
 * where the person's id and email are in its answers).
 *
 * @param issuer the OpenID Connect issuer; for an OAuth 2.0 provider, optional (when set, an authorization response
 *               naming another issuer is refused, RFC 9207)
 * @param allowedHosts hosts besides the issuer's that its discovery document may point the endpoints at (Google's
 *                     token endpoint and JWKS live on other hosts than its issuer); empty by default, so a
 *                     discovery document cannot send Gatehouse's calls anywhere else (SSRF)
 */
public record ProviderSettings(String name, String displayName, URI issuer, String clientId, String clientSecret, List<String> scopes,
                               Set<String> allowedHosts, OAuth2 oauth2) {

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        if (issuer == null && oauth2 == null) {
            throw new IllegalArgumentException("an OpenID Connect provider needs its issuer");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
    }

    public ProviderSettings(String name, String displayName, URI issuer, String clientId, String clientSecret, List<String> scopes,
                            Set<String> allowedHosts) {
        this(name, displayName, issuer, clientId, clientSecret, scopes, allowedHosts, null);
    }

    /**
     * A plain OAuth 2.0 provider: its endpoints, and the dotted paths of the person's id, email and whether the email is
     * verified in the UserInfo answer. {@code emails}, when set, is an endpoint listing the person's addresses
     * ({@code [{email, primary, verified}]}, as GitHub's {@code /user/emails}): the primary one is used.
     *
     * @param postCredentials send the client credentials in the token request's body (client_secret_post) rather than
     *                        as HTTP Basic (client_secret_basic)
     */
    public record OAuth2(URI authorization, URI token, URI userInfo, URI emails, String idField, String emailField,
                         String emailVerifiedField, boolean postCredentials) {

        public OAuth2 {
            Objects.requireNonNull(authorization, "authorization endpoint");
            Objects.requireNonNull(token, "token endpoint");
            Objects.requireNonNull(userInfo, "userinfo endpoint");
            idField = idField == null || idField.isBlank() ? "id" : idField;
            emailField = emailField == null || emailField.isBlank() ? "email" : emailField;
            emailVerifiedField = emailVerifiedField == null || emailVerifiedField.isBlank() ? "email_verified" : emailVerifiedField;
        }
    }

    public String type() {
        return oauth2 == null ? "oidc" : "oauth2";
    }

    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", type=" + type() + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted]";
    }
}
