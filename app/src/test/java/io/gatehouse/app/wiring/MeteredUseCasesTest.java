package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.AcsOutcome;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.LinkConfirmationRequired;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.SamlLoggedIn;
import io.gatehouse.domain.port.in.EnableSsoUseCase;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.gatehouse.domain.port.in.TokenUseCase.InvalidToken;
import io.gatehouse.domain.port.in.TokenUseCase.TokenOutcome;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OAuthTokenUseCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics decorators the wiring puts around the use cases: each outcome lands in the series the
 * dashboards read ({@code gatehouse_logins_total}, {@code gatehouse_tokens_total},
 * {@code gatehouse_sso_throttled_total}), and the outcome itself passes through untouched.
 */
class MeteredUseCasesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoginMetrics logins = new LoginMetrics(registry);
    private final TokenMetrics tokens = new TokenMetrics(registry);
    private final SsoMetrics sso = new SsoMetrics(registry);

    @Test
    void acsOutcomesAreCountedAsSamlLoginsByOutcomeAndLimit() {
        Deque<AcsOutcome> answers = new ArrayDeque<>(List.of(
                new SamlLoggedIn(null, null, null, null, null),
                new SsoRefused(ErrorCode.SAML_SIGNATURE_INVALID, "bad signature"),
                new SsoThrottled(Duration.ofSeconds(30), SsoThrottled.Limit.FAILURES_PER_IP),
                new LinkConfirmationRequired("code", Instant.now(), null),
                new ConsumeSamlResponseUseCase.IdentityLinked(null, null)));
        ConsumeSamlResponseUseCase acs = new MeteredSamlLogin((workspace, response, relay, client) -> answers.pop(), logins, tokens, sso);

        List<AcsOutcome> seen = List.of(consume(acs), consume(acs), consume(acs), consume(acs), consume(acs));

        assertThat(seen.get(1)).isEqualTo(new SsoRefused(ErrorCode.SAML_SIGNATURE_INVALID, "bad signature"));
        assertThat(count("gatehouse.logins", "method", "saml", "outcome", "success")).isEqualTo(1);
        assertThat(count("gatehouse.logins", "method", "saml", "outcome", ErrorCode.SAML_SIGNATURE_INVALID.code())).isEqualTo(1);
        assertThat(count("gatehouse.logins", "method", "saml", "outcome", "too_many_attempts")).isEqualTo(1);
        assertThat(count("gatehouse.logins", "method", "saml", "outcome", "sso_link_confirmation_required")).isEqualTo(1);
        assertThat(count("gatehouse.sso.throttled", "limit", "failures_per_ip")).isEqualTo(1);
        assertThat(count("gatehouse.tokens", "kind", "session", "event", "issued")).as("only the login opened a session").isEqualTo(1);
        assertThat(registry.find("gatehouse.logins").counters()).as("linking is not a login").hasSize(4);
    }

    @Test
    void theOpenIdProvidersTokenRequestsAreCountedByGrantAndOutcome() {
        Deque<OAuthTokenUseCase.TokenEndpointOutcome> answers = new ArrayDeque<>(List.of(
                new OAuthTokenUseCase.OAuthTokens("at", 300, "id", "rt", List.of("openid")),
                new OAuthTokenUseCase.OAuthError("invalid_grant", "replayed"),
                new OAuthTokenUseCase.OAuthError("invalid_client", "bad secret")));
        OAuthTokenUseCase endpoint = new MeteredOAuthTokens(new OAuthTokenUseCase() {
            @Override
            public TokenEndpointOutcome exchangeCode(ClientCredentials client, String code, String redirectUri, String verifier, ClientInfo caller) {
                return answers.pop();
            }

            @Override
            public TokenEndpointOutcome refresh(ClientCredentials client, String refreshToken, List<String> scopes, ClientInfo caller) {
                return answers.pop();
            }

            @Override
            public java.util.Optional<OAuthError> revoke(ClientCredentials client, String token) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<OAuthError> authenticate(ClientCredentials client) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<java.util.Map<String, Object>> userInfo(String accessToken) {
                return java.util.Optional.empty();
            }

            @Override
            public IntrospectionOutcome introspect(ClientCredentials client, String token) {
                return new Introspection(java.util.Map.of("active", false));
            }
        }, registry);
        OAuthTokenUseCase.ClientCredentials client = new OAuthTokenUseCase.ClientCredentials("c", "s");

        endpoint.exchangeCode(client, "code", "https://app/cb", "v", new ClientInfo("127.0.0.1", null));
        endpoint.exchangeCode(client, "code", "https://app/cb", "v", new ClientInfo("127.0.0.1", null));
        endpoint.refresh(client, "rt", List.of(), new ClientInfo("127.0.0.1", null));

        assertThat(count("gatehouse.oauth.token.requests", "grant", "authorization_code", "outcome", "issued")).isEqualTo(1);
        assertThat(count("gatehouse.oauth.token.requests", "grant", "authorization_code", "outcome", "invalid_grant")).isEqualTo(1);
        assertThat(count("gatehouse.oauth.token.requests", "grant", "refresh_token", "outcome", "invalid_client")).isEqualTo(1);
    }

    @Test
    void jwtGrantAndRefreshFailuresAreCountedByTheirCode() {
        Deque<TokenOutcome> answers = new ArrayDeque<>(List.of(new TokenRefused(new AuthenticationFailure.InvalidCredentials()),
                new InvalidToken()));
        TokenUseCase tokensUseCase = new MeteredTokens(new TokenUseCase() {
            @Override
            public TokenOutcome grantWithPassword(String email, String password, ClientInfo client) {
                return answers.pop();
            }

            @Override
            public TokenOutcome refresh(String refreshToken, ClientInfo client) {
                return answers.pop();
            }

            @Override
            public boolean isFamilyLive(UserId subject, SessionId family) {
                return true;
            }
        }, logins, tokens);

        tokensUseCase.grantWithPassword("a@example.com", "wrong", null);
        tokensUseCase.refresh("gh_rt_x", null);

        assertThat(count("gatehouse.logins", "method", "jwt_grant", "outcome", "invalid_credentials")).isEqualTo(1);
        assertThat(count("gatehouse.logins", "method", "jwt_refresh", "outcome", "invalid_token")).isEqualTo(1);
        assertThat(registry.find("gatehouse.tokens").counters()).as("nothing issued").isEmpty();
    }

    private static AcsOutcome consume(ConsumeSamlResponseUseCase acs) {
        return acs.consume(WorkspaceId.random(), "response", null, null);
    }

    /** A link confirmed with the password is a sign-in by the linked identity's method, not always SAML. */
    @Test
    void aConfirmedLinkCountsAsASignInByTheIdentitysMethod() {
        Deque<EnableSsoUseCase.EnableOutcome> answers = new ArrayDeque<>(List.of(
                new EnableSsoUseCase.SsoEnabled(null, null, AuthMethod.OIDC), new EnableSsoUseCase.SsoEnabled(null, null, AuthMethod.SAML)));
        EnableSsoUseCase enable = new MeteredEnableSso(new EnableSsoUseCase() {
            @Override
            public EnableOutcome enableSso(String code, String basicEmail, String password, ClientInfo client) {
                return answers.pop();
            }

            @Override
            public java.util.Optional<LinkProposal> proposal(String code) {
                return java.util.Optional.empty();
            }
        }, logins, tokens);

        enable.enableSso("c", null, "p", null);
        enable.enableSso("c", null, "p", null);

        assertThat(count("gatehouse.logins", "method", "oidc", "outcome", "success")).isEqualTo(1);
        assertThat(count("gatehouse.logins", "method", "saml", "outcome", "success")).isEqualTo(1);
        assertThat(count("gatehouse.tokens", "kind", "session", "event", "issued")).isEqualTo(2);
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
