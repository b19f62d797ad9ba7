package io.gatehouse.oidc;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One instance provider as the operator configured it.
 *
 * @param allowedHosts hosts besides the issuer's that its discovery document may point the endpoints at (Google's
 *                     token endpoint and JWKS live on other hosts than its issuer); empty by default, so a
 *                     discovery document cannot send Gatehouse's calls anywhere else (SSRF)
 */
public record ProviderSettings(String name, String displayName, URI issuer, String clientId, String clientSecret, List<String> scopes,
                               Set<String> allowedHosts) {

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
    }

    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted]";
    }
}
