package io.gatehouse.app.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * One instance-wide external provider, {@code gatehouse.oidc.providers.<name>.*}, or as environment variables
 * {@code GATEHOUSE_OIDC_PROVIDERS_<NAME>_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _DISPLAY_NAME},
 * {@code _SCOPES} (space-separated, default {@code openid email profile}), {@code _TYPE} ({@code oidc}, the default, or
 * {@code oauth2}) and {@code _ALLOWED_HOSTS} (comma-separated hosts besides the issuer's that its discovery document
 * may name, e.g. Google's {@code oauth2.googleapis.com,www.googleapis.com,openidconnect.googleapis.com}). A
 * {@code oauth2} provider names its endpoints instead of an issuer: {@code _AUTHORIZATION_ENDPOINT},
 * {@code _TOKEN_ENDPOINT}, {@code _USERINFO_ENDPOINT}, optionally {@code _EMAILS_ENDPOINT} (a list of the person's
 * addresses, GitHub's {@code /user/emails}), the paths of the id, email and verified flag in the UserInfo answer
 * ({@code _ID_FIELD}, {@code _EMAIL_FIELD}, {@code _EMAIL_VERIFIED_FIELD}: {@code id}, {@code email},
 * {@code email_verified} by default), and {@code _TOKEN_ENDPOINT_AUTH_METHOD} ({@code client_secret_basic}, the
 * default, or {@code client_secret_post}).
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
        @Nullable List<String> allowedHosts,
        @Nullable String authorizationEndpoint,
        @Nullable String tokenEndpoint,
        @Nullable String userinfoEndpoint,
        @Nullable String emailsEndpoint,
        @Nullable String idField,
        @Nullable String emailField,
        @Nullable String emailVerifiedField,
        @Bindable(defaultValue = "client_secret_basic") String tokenEndpointAuthMethod) {

    @Override
    public String toString() {
        return "OidcProviderProperties[name=" + name + ", type=" + type + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=redacted]";
    }
}
