package io.gatehouse.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * One instance-wide external provider, {@code gatehouse.oidc.providers.<name>.*}, or as environment variables
 * {@code GATEHOUSE_OIDC_PROVIDERS_<NAME>_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _DISPLAY_NAME},
 * {@code _SCOPES} (space-separated, default {@code openid email profile}), {@code _TYPE} (default {@code oidc}) and
 * {@code _ALLOWED_HOSTS} (comma-separated hosts besides the issuer's that its discovery document may name, e.g.
 * Google's {@code oauth2.googleapis.com,www.googleapis.com,openidconnect.googleapis.com}).
 */
@EachProperty("gatehouse.oidc.providers")
public record OidcProviderProperties(
        @Parameter String name,
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String displayName,
        @Bindable(defaultValue = "openid email profile") String scopes,
        @Bindable(defaultValue = "oidc") String type,
        @Nullable List<String> allowedHosts) {

    @Override
    public String toString() {
        return "OidcProviderProperties[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted]";
    }
}
