package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase.GeneratedApiAccess;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.port.in.TokenUseCase.TokensIssued;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeveloperApiAccessServiceTest {

    private final TestAccounts accounts = new TestAccounts();
    private SignedUp dev;

    @BeforeEach
    void developer() {
        dev = (SignedUp) accounts.signUp.signUp(new SignUpCommand("dev@example.com", "correct horse battery", null, null));
    }

    @Test
    void signInWithKeyAndSecretIssuesAnApiKeyAccessToken() {
        GeneratedApiAccess access = accounts.developerAccess.generate(dev.user().id());

        TokensIssued issued = (TokensIssued) accounts.developerAccess.signIn(access.apiKey(), access.apiSecret(), TestAccounts.HOME);

        assertThat(issued.claims().authenticationMethods()).containsExactly("api_key");
        assertThat(issued.refreshToken()).isNull();
        assertThat(accounts.honoursAccessToken(issued.accessToken())).isTrue();
        assertThat(accounts.developerAccess.currentApiKey(dev.user().id())).contains(access.apiKey());
    }

    @Test
    void regeneratingInvalidatesThePreviousPairAtOnce() {
        GeneratedApiAccess old = accounts.developerAccess.generate(dev.user().id());
        GeneratedApiAccess fresh = accounts.developerAccess.generate(dev.user().id());

        assertThat(accounts.developerAccess.signIn(old.apiKey(), old.apiSecret(), TestAccounts.HOME)).isInstanceOf(TokenRefused.class);
        assertThat(accounts.developerAccess.signIn(fresh.apiKey(), fresh.apiSecret(), TestAccounts.HOME)).isInstanceOf(TokensIssued.class);
    }

    @Test
    void wrongSecretIsInvalidCredentialsAndRepeatedFailuresAreThrottled() {
        GeneratedApiAccess access = accounts.developerAccess.generate(dev.user().id());
        for (int i = 0; i < TestAccounts.THROTTLE.maxFailuresPerEmail(); i++) {
            var refused = (TokenRefused) accounts.developerAccess.signIn(access.apiKey(), "gh_as_wrong" + i, TestAccounts.HOME);
            assertThat(refused.failure()).isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
        }

        var throttled = (TokenRefused) accounts.developerAccess.signIn(access.apiKey(), access.apiSecret(), TestAccounts.HOME);

        assertThat(throttled.failure()).isInstanceOf(AuthenticationFailure.Throttled.class);
    }

    @Test
    void suspensionRemovesTheKey() {
        GeneratedApiAccess access = accounts.developerAccess.generate(dev.user().id());
        accounts.users.updateInstanceAdmin(dev.user().id(), true);
        var admin = (SignedUp) accounts.signUp.signUp(new SignUpCommand("admin@example.com", "correct horse battery", null, null));
        accounts.users.updateInstanceAdmin(admin.user().id(), true);

        accounts.administration.changeStatus(admin.user().id(), dev.user().id(), UserStatus.SUSPENDED);

        assertThat(accounts.developerAccess.currentApiKey(dev.user().id())).isEmpty();
        assertThat(accounts.developerAccess.signIn(access.apiKey(), access.apiSecret(), TestAccounts.HOME)).isInstanceOf(TokenRefused.class);
    }
}
