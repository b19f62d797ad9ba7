package io.gatehouse.domain.model;

/** How a session was established; reported as {@code auth_method} and as the JWT {@code amr}. */
public enum AuthMethod implements WireNamed {
    PASSWORD,
    SAML,
    OIDC,
    API_KEY
}
