package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * How Gatehouse talks to external OpenID providers: {@code GATEHOUSE_OIDC_CONNECT_TIMEOUT},
 * {@code GATEHOUSE_OIDC_READ_TIMEOUT}, {@code GATEHOUSE_OIDC_MAX_RESPONSE_BYTES} (discovery, JWKS, token and UserInfo
 * answers), {@code GATEHOUSE_OIDC_CLOCK_SKEW} (tolerated on ID token times), {@code GATEHOUSE_OIDC_METADATA_LIFETIME}
 * (how long a discovery document is cached), {@code GATEHOUSE_OIDC_FLOW_LIFETIME} (how long a sign-in may take at the
 * provider) and {@code GATEHOUSE_OIDC_CONFIRMATION_LIFETIME} (link confirmation codes). Workspaces' OpenID Connect
 * connections are configured by tenants, so Gatehouse holds them to stricter rules: their issuers must resolve to public
 * addresses unless {@code GATEHOUSE_OIDC_CONNECTIONS_ALLOW_PRIVATE_ADDRESSES} is true (an intranet IdP, a test), and their
 * discovery documents may point at other hosts than the issuer's only when listed in
 * {@code GATEHOUSE_OIDC_CONNECTIONS_ALLOWED_HOSTS} (comma-separated; Google Workspace needs {@code oauth2.googleapis.com,www.googleapis.com}).
 */
@ConfigurationProperties("gatehouse.oidc")
public record OidcProperties(
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration readTimeout,
        @Bindable(defaultValue = "1048576") int maxResponseBytes,
        @Bindable(defaultValue = "60s") Duration clockSkew,
        @Bindable(defaultValue = "1h") Duration metadataLifetime,
        @Bindable(defaultValue = "10m") Duration flowLifetime,
        @Bindable(defaultValue = "10m") Duration confirmationLifetime,
        @Nullable List<String> connectionsAllowedHosts,
        @Bindable(defaultValue = "false") boolean connectionsAllowPrivateAddresses) {

    public OidcProperties {
        connectionsAllowedHosts = connectionsAllowedHosts == null ? List.of() : List.copyOf(connectionsAllowedHosts);
    }
}
