package io.gatehouse.domain.port.in;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint (RFC 6749 4.1.3 and 6, OpenID Connect Core 3.1.3), revocation (RFC 7009), and what UserInfo may
 * tell (OpenID Connect Core 5.3), for clients of Gatehouse as an OpenID Provider.
 */
public interface OAuthTokenUseCase {

    TokenEndpointOutcome exchangeCode(ClientCredentials client, String code, String redirectUri, String codeVerifier, ClientInfo caller);

    TokenEndpointOutcome refresh(ClientCredentials client, String refreshToken, List<String> scopes, ClientInfo caller);

    /** RFC 7009: a refresh token of this client ends its family; anything else is ignored (200 either way). */
    Optional<OAuthError> revoke(ClientCredentials client, String token);

    /** The client, authenticated; an error when its credentials are wrong (RFC 6749 5.2 {@code invalid_client}). */
    Optional<OAuthError> authenticate(ClientCredentials client);

    /**
     * The claims a live access token of a client may tell (OpenID Connect Core 5.3): {@code sub} and the claims of the
     * scopes granted; empty when the token is not a live access token of Gatehouse's for a client.
     */
    Optional<Map<String, Object>> userInfo(String accessToken);

    /**
     * RFC 7662: whether {@code token} (an access or refresh token) is live and was issued to the calling client, with
     * what it stands for; {@code {active: false}} for anything else, including another client's tokens.
     */
    IntrospectionOutcome introspect(ClientCredentials client, String token);

    sealed interface IntrospectionOutcome permits Introspection, OAuthError {
    }

    record Introspection(Map<String, Object> claims) implements IntrospectionOutcome {
    }

    /** What a client says it is: {@code secret} null for a public client (or a confidential one that sent none). */
    record ClientCredentials(String clientId, String secret) {
        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", secret=redacted]";
        }
    }

    sealed interface TokenEndpointOutcome permits OAuthTokens, OAuthError {
    }

    record OAuthTokens(String accessToken, long expiresInSeconds, String idToken, String refreshToken, List<String> scopes)
            implements TokenEndpointOutcome {
        @Override
        public String toString() {
            return "OAuthTokens[secrets=redacted, scopes=" + scopes + "]";
        }
    }

    /** An RFC 6749 5.2 error: {@code error} is its code ({@code invalid_grant}, {@code invalid_client}, …). */
    record OAuthError(String error, String description) implements TokenEndpointOutcome, IntrospectionOutcome {

        public boolean isClientAuthentication() {
            return "invalid_client".equals(error);
        }
    }
}
