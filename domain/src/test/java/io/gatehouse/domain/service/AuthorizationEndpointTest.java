package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.MutableClock;
import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.AuthorizationGrant;
import io.gatehouse.domain.model.ClientTokenFamily;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AuthorizeUseCase.AuthorizeOutcome;
import io.gatehouse.domain.port.in.AuthorizeUseCase.AuthorizeRequest;
import io.gatehouse.domain.port.in.AuthorizeUseCase.CodeIssued;
import io.gatehouse.domain.port.in.AuthorizeUseCase.ErrorToClient;
import io.gatehouse.domain.port.in.AuthorizeUseCase.NotForClient;
import io.gatehouse.domain.port.in.AuthorizeUseCase.SignInFirst;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.gatehouse.domain.port.out.AuthorizationCodes;
import io.gatehouse.domain.port.out.OAuthClients;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authorization endpoint's decisions, in the order the specifications put them. */
class AuthorizationEndpointTest {

    private static final String REDIRECT = "https://app.example/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<AuthorizationGrant> issued = new ArrayList<>();
    private final OAuthClient client = new OAuthClient("ghc_app", "App", OAuthClient.Type.PUBLIC, null, List.of(REDIRECT), List.of(),
            Set.of("openid", "email"), clock.instant());
    private final AuthorizationEndpoint endpoint = new AuthorizationEndpoint(clients(), codes(), Duration.ofSeconds(60), new SecureRandom(),
            clock);
    private final User user = User.newMember(Email.parse("ann@example.com").orElseThrow(), "Ann", null, clock.instant());
    private final Session session = new Session(SessionId.random(), user.id(), null, AuthMethod.SAML, clock.instant(), clock.instant(),
            clock.instant().plus(Duration.ofDays(1)), "127.0.0.1", null);

    @Test
    void nothingGoesToARedirectUriBeforeTheClientAndTheExactUriAreKnown() {
        assertThat(authorize(request("ghc_nobody", REDIRECT, "code", "openid", CHALLENGE, "S256", null, null))).isInstanceOf(NotForClient.class);
        assertThat(authorize(request("ghc_app", REDIRECT + "/", "code", "openid", CHALLENGE, "S256", null, null))).isInstanceOf(NotForClient.class);
        assertThat(authorize(request("ghc_app", null, "token", "openid", null, null, null, null))).isInstanceOf(NotForClient.class);
    }

    @Test
    void theFlowIsTheCodeFlowWithPkceS256AndAllowedScopes() {
        assertThat(error(request("ghc_app", REDIRECT, "token", "openid", CHALLENGE, "S256", null, null))).isEqualTo("unsupported_response_type");
        assertThat(error(request("ghc_app", REDIRECT, "code", "email", CHALLENGE, "S256", null, null))).isEqualTo("invalid_scope");
        assertThat(error(request("ghc_app", REDIRECT, "code", "openid workspaces", CHALLENGE, "S256", null, null))).isEqualTo("invalid_scope");
        assertThat(error(request("ghc_app", REDIRECT, "code", "openid", null, null, null, null))).isEqualTo("invalid_request");
        assertThat(error(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "plain", null, null))).isEqualTo("invalid_request");
        assertThat(error(request("ghc_app", REDIRECT, "code", "openid", "short", "S256", null, null))).isEqualTo("invalid_request");
        assertThat(issued).isEmpty();
    }

    @Test
    void aCodeRemembersWhoWhenHowAndForWhichRequest() {
        clock.advance(Duration.ofMinutes(5));

        CodeIssued code = (CodeIssued) authorize(request("ghc_app", REDIRECT, "code", "openid email", CHALLENGE, "S256", null, null));

        AuthorizationGrant grant = issued.get(0);
        assertThat(code.state()).isEqualTo("st");
        assertThat(grant.codeHash()).isEqualTo(SecretToken.TokenHash.sha256(code.code()));
        assertThat(grant.authTime()).isEqualTo(session.createdAt());
        assertThat(grant.authMethod()).isEqualTo(AuthMethod.SAML);
        assertThat(grant.scopes()).containsExactlyInAnyOrder("openid", "email");
        assertThat(grant.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void promptAndMaxAgeDecideWhetherToSignInAgain() {
        clock.advance(Duration.ofMinutes(10));

        assertThat(endpoint.authorize(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "S256", "none", null), Optional.empty()))
                .isInstanceOfSatisfying(ErrorToClient.class, error -> assertThat(error.error()).isEqualTo("login_required"));
        assertThat(endpoint.authorize(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "S256", null, null), Optional.empty()))
                .isEqualTo(new SignInFirst(false));
        assertThat(authorize(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "S256", "login", null))).isEqualTo(new SignInFirst(true));
        assertThat(authorize(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "S256", null, 300))).isEqualTo(new SignInFirst(true));
        assertThat(error(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "S256", "none", 300))).isEqualTo("login_required");
        assertThat(authorize(request("ghc_app", REDIRECT, "code", "openid", CHALLENGE, "S256", null, 900))).isInstanceOf(CodeIssued.class);
    }

    private AuthorizeOutcome authorize(AuthorizeRequest request) {
        return endpoint.authorize(request, Optional.of(new SessionPrincipal(user, session)));
    }

    private String error(AuthorizeRequest request) {
        AuthorizeOutcome outcome = authorize(request);
        assertThat(outcome).isInstanceOf(ErrorToClient.class);
        assertThat(((ErrorToClient) outcome).redirectUri()).isEqualTo(REDIRECT);
        return ((ErrorToClient) outcome).error();
    }

    private static AuthorizeRequest request(String clientId, String redirect, String responseType, String scope, String challenge,
                                            String method, String prompt, Integer maxAge) {
        return new AuthorizeRequest(clientId, redirect, responseType, AuthorizationEndpoint.scopes(scope), "st", "n", challenge, method, prompt,
                maxAge);
    }

    private OAuthClients clients() {
        return new OAuthClients() {
            @Override
            public void insert(OAuthClient c) {
            }

            @Override
            public Optional<OAuthClient> find(String clientId) {
                return clientId.equals(client.clientId()) ? Optional.of(client) : Optional.empty();
            }

            @Override
            public List<OAuthClient> list() {
                return List.of(client);
            }

            @Override
            public boolean delete(String clientId) {
                return false;
            }
        };
    }

    private AuthorizationCodes codes() {
        return new AuthorizationCodes() {
            @Override
            public void insert(AuthorizationGrant grant) {
                issued.add(grant);
            }

            @Override
            public Redemption redeem(SecretToken.TokenHash codeHash, Instant now) {
                return new Unknown();
            }

            @Override
            public void insertFamily(ClientTokenFamily family) {
            }

            @Override
            public Optional<ClientTokenFamily> findFamily(SessionId family) {
                return Optional.empty();
            }

            @Override
            public Optional<ClientTokenFamily> familyOfCode(SecretToken.TokenHash codeHash) {
                return Optional.empty();
            }

            @Override
            public int purgeExpiredBefore(Instant before) {
                return 0;
            }
        };
    }
}
