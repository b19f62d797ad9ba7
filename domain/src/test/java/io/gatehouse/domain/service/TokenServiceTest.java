package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import io.gatehouse.domain.port.in.TokenUseCase.InvalidToken;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.port.in.TokenUseCase.TokensIssued;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String PASSWORD = "correct horse battery";
    private final TestAccounts accounts = new TestAccounts();
    private SignedUp alice;

    @BeforeEach
    void aliceHasAnAccount() {
        alice = (SignedUp) accounts.signUp.signUp(new SignUpCommand("alice@example.com", PASSWORD, null, null));
    }

    @Test
    void passwordGrantIssuesAccessAndRefreshTokensOfANewFamily() {
        TokensIssued issued = grant();

        assertThat(issued.refreshToken()).startsWith(TokenService.REFRESH_TOKEN_PREFIX);
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        assertThat(issued.claims().subject()).isEqualTo(alice.user().id());
        assertThat(issued.claims().authenticationMethods()).containsExactly("password");
        assertThat(issued.claims().issuer()).isEqualTo("http://gatehouse.test");
        assertThat(accounts.honoursAccessToken(issued.accessToken())).isTrue();
        assertThat(accounts.sessions.findUnrevokedById(issued.claims().sessionId())).isPresent();
    }

    @Test
    void passwordGrantWithWrongPasswordIsRefusedLikeLogin() {
        var outcome = accounts.tokens.grantWithPassword("alice@example.com", "wrong password!!", TestAccounts.HOME);

        assertThat(((TokenRefused) outcome).failure()).isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
    }

    @Test
    void refreshRotatesAndTheNewPairKeepsTheFamily() {
        TokensIssued first = grant();

        TokensIssued second = (TokensIssued) accounts.tokens.refresh(first.refreshToken(), TestAccounts.HOME);

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.claims().sessionId()).isEqualTo(first.claims().sessionId());
        assertThat(accounts.honoursAccessToken(second.accessToken())).isTrue();
    }

    @Test
    void presentingAnAlreadyRotatedRefreshTokenRevokesTheWholeFamily() {
        TokensIssued first = grant();
        TokensIssued second = (TokensIssued) accounts.tokens.refresh(first.refreshToken(), TestAccounts.HOME);

        var replay = accounts.tokens.refresh(first.refreshToken(), TestAccounts.ELSEWHERE);

        assertThat(replay).isInstanceOf(InvalidToken.class);
        assertThat(accounts.honoursAccessToken(second.accessToken())).as("descendant access token").isFalse();
        assertThat(accounts.tokens.refresh(second.refreshToken(), TestAccounts.HOME)).as("descendant refresh token")
                .isInstanceOf(InvalidToken.class);
    }

    @Test
    void unknownMalformedOrForeignRefreshTokensAreInvalid() {
        for (String token : List.of("", "gh_rt_unknown", "not-prefixed", "gh_rt_" + "x".repeat(600))) {
            assertThat(accounts.tokens.refresh(token, TestAccounts.HOME)).as(token).isInstanceOf(InvalidToken.class);
        }
        assertThat(accounts.tokens.refresh(null, TestAccounts.HOME)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void logoutEverywhereAndSuspensionKillTokenFamilies() {
        TokensIssued issued = grant();
        accounts.sessionManagement.logout(alice.user().id(), null, true);
        assertThat(accounts.honoursAccessToken(issued.accessToken())).isFalse();
        assertThat(accounts.tokens.refresh(issued.refreshToken(), TestAccounts.HOME)).isInstanceOf(InvalidToken.class);

        TokensIssued again = grant();
        accounts.users.updateStatus(alice.user().id(), UserStatus.SUSPENDED);
        assertThat(accounts.honoursAccessToken(again.accessToken())).isFalse();
    }

    /** The token's {@code exp} is what the HTTP adapter's verifier enforces, so the domain must set it right. */
    @Test
    void accessTokenExpiresAfterItsLifetimeAndTheVerifierThenRefusesIt() {
        TokensIssued issued = grant();

        assertThat(issued.claims().expiresAt()).isEqualTo(accounts.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        accounts.clock.advance(Duration.ofMinutes(15));

        assertThat(accounts.honoursAccessToken(issued.accessToken())).isFalse();
    }

    @Test
    void refreshAfterTheFamilyWentIdleIsInvalid() {
        TokensIssued issued = grant();

        accounts.clock.advance(TestAccounts.SESSIONS.idleTimeout().plusSeconds(1));

        assertThat(accounts.tokens.refresh(issued.refreshToken(), TestAccounts.HOME)).isInstanceOf(InvalidToken.class);
    }

    private TokensIssued grant() {
        return (TokensIssued) accounts.tokens.grantWithPassword("alice@example.com", PASSWORD, TestAccounts.HOME);
    }
}
