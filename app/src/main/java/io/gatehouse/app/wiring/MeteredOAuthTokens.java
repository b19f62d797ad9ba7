package io.gatehouse.app.wiring;

import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OAuthTokenUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the OpenID Provider's token endpoint: {@code gatehouse_oauth_token_requests_total{grant, outcome}}, the outcome
 * {@code issued} or the RFC 6749 error ({@code invalid_grant} climbing means replayed codes or reused refresh tokens).
 */
final class MeteredOAuthTokens implements OAuthTokenUseCase {

    private final OAuthTokenUseCase delegate;
    private final MeterRegistry registry;

    MeteredOAuthTokens(OAuthTokenUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public TokenEndpointOutcome exchangeCode(ClientCredentials client, String code, String redirectUri, String codeVerifier, ClientInfo caller) {
        return counted("authorization_code", delegate.exchangeCode(client, code, redirectUri, codeVerifier, caller));
    }

    @Override
    public TokenEndpointOutcome refresh(ClientCredentials client, String refreshToken, List<String> scopes, ClientInfo caller) {
        return counted("refresh_token", delegate.refresh(client, refreshToken, scopes, caller));
    }

    @Override
    public Optional<OAuthError> revoke(ClientCredentials client, String token) {
        return delegate.revoke(client, token);
    }

    @Override
    public Optional<OAuthError> authenticate(ClientCredentials client) {
        return delegate.authenticate(client);
    }

    @Override
    public Optional<Map<String, Object>> userInfo(String accessToken) {
        return delegate.userInfo(accessToken);
    }

    @Override
    public IntrospectionOutcome introspect(ClientCredentials client, String token) {
        return delegate.introspect(client, token);
    }

    private TokenEndpointOutcome counted(String grant, TokenEndpointOutcome outcome) {
        String result = switch (outcome) {
            case OAuthTokens tokens -> "issued";
            case OAuthError error -> error.error();
        };
        Counter.builder("gatehouse.oauth.token.requests").description("The OpenID Provider's token endpoint, by grant and outcome")
                .tag("grant", grant).tag("outcome", result).register(registry).increment();
        return outcome;
    }
}
