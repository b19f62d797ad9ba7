package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OpenIdIdentity;
import io.gatehouse.domain.model.OpenIdProviderInfo;
import java.util.List;
import java.util.Optional;

/**
 * The instance's external OpenID Connect / OAuth 2.0 providers, and the workspaces' OpenID Connect connections: the protocol work (discovery, the authorization
 * request, the code exchange, every check of the ID token) happens behind this port.
 */
public interface OpenIdProviders {

    List<OpenIdProviderInfo> list();

    Optional<OpenIdProviderInfo> find(String name);

    /** The provider's authorization URL for an authorization code request with PKCE S256, or a refusal. */
    AuthorizationOutcome authorizationUrl(String provider, String state, String nonce, String codeVerifier);

    /**
     * Exchanges the code (with the PKCE verifier) and checks the ID token against the provider and {@code nonce}.
     *
     * @param responseIssuer the {@code iss} parameter of the authorization response (RFC 9207), when the provider sent one
     */
    RedeemOutcome redeem(String provider, String code, String codeVerifier, String nonce, String responseIssuer);

    /** As {@link #authorizationUrl(String, String, String, String)}, for a workspace's connection. */
    AuthorizationOutcome authorizationUrl(Connection connection, String state, String nonce, String codeVerifier);

    /** As {@link #redeem(String, String, String, String, String)}, for a workspace's connection. */
    RedeemOutcome redeem(Connection connection, String code, String codeVerifier, String nonce, String responseIssuer);

    /**
     * A workspace's OpenID Connect connection, as its admins configured it: unlike an instance provider, it is
     * configured by a tenant, so the adapter may hold it to stricter rules (no calls to private addresses).
     *
     * @param name its provider name, {@code oidc:{wid}}
     * @param clientSecret opened from its sealed form for this call only
     */
    record Connection(String name, String issuer, String clientId, String clientSecret, List<String> scopes) {
        public Connection {
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Connection[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted]";
        }
    }

    sealed interface AuthorizationOutcome permits AuthorizationUrl, ProviderRefusal {
    }

    record AuthorizationUrl(String url) implements AuthorizationOutcome {
    }

    sealed interface RedeemOutcome permits Redeemed, ProviderRefusal {
    }

    record Redeemed(OpenIdIdentity identity) implements RedeemOutcome {
    }

    /** {@code detail} says exactly what was expected and what arrived (for logs and events; never secrets). */
    record ProviderRefusal(ErrorCode code, String detail) implements AuthorizationOutcome, RedeemOutcome {
    }
}
