package io.gatehouse.domain.model;

/** An instance-wide external provider as people see it: {@code type} is {@code oidc} or {@code oauth2}. */
public record OpenIdProviderInfo(String name, String displayName, String type) {
}
