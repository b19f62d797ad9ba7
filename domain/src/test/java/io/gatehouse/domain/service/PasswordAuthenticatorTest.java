package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsOutcome;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordAuthenticatorTest {

    private static final String PASSWORD = "correct horse battery";
    private final TestAccounts accounts = new TestAccounts();
    private SignedUp alice;

    @BeforeEach
    void aliceHasAnAccount() {
        alice = (SignedUp) accounts.signUp.signUp(new SignUpCommand("alice@example.com", PASSWORD, "Alice", null));
    }

    @Test
    void authenticateWithRightPasswordThenAuthenticated() {
        var result = accounts.authenticator.check("ALICE@example.com", PASSWORD, TestAccounts.HOME);

        assertThat(result).isInstanceOf(CredentialsValid.class);
    }

    @Test
    void authenticateWhenPasswordWrongThenInvalidCredentials() {
        var result = accounts.authenticator.check("alice@example.com", "wrong password!!", TestAccounts.HOME);

        assertThat(failure(result)).isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
    }

    @Test
    void authenticateWhenEmailUnknownThenSameAnswerAfterSameWork() {
        int before = accounts.hasher.verifications();
        var unknown = accounts.authenticator.check("nobody@example.com", PASSWORD, TestAccounts.HOME);
        int afterUnknown = accounts.hasher.verifications();
        var wrong = accounts.authenticator.check("alice@example.com", "wrong password!!", TestAccounts.HOME);

        assertThat(failure(unknown)).isEqualTo(failure(wrong));
        assertThat(afterUnknown - before).as("a dummy hash is verified for an unknown email").isEqualTo(1);
        assertThat(accounts.hasher.verifications() - afterUnknown).isEqualTo(1);
    }

    @Test
    void authenticateWhenSuspendedThenSuspendedOnlyWithRightPassword() {
        accounts.users.updateStatus(alice.user().id(), UserStatus.SUSPENDED);

        assertThat(failure(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME)))
                .isInstanceOf(AuthenticationFailure.Suspended.class);
        assertThat(failure(accounts.authenticator.check("alice@example.com", "wrong password!!", TestAccounts.HOME)))
                .isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
    }

    @Test
    void authenticateAfterTooManyFailuresForEmailThenThrottledEvenWithRightPassword() {
        for (int i = 0; i < TestAccounts.THROTTLE.maxFailuresPerEmail(); i++) {
            accounts.authenticator.check("alice@example.com", "wrong password!!", TestAccounts.HOME);
            accounts.clock.advance(Duration.ofMinutes(1));
        }
        int verifications = accounts.hasher.verifications();

        var result = accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME);

        AuthenticationFailure.Throttled throttled = (AuthenticationFailure.Throttled) failure(result);
        // The oldest of the three failures was 3 minutes ago; it leaves the 15-minute window in 12.
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMinutes(12));
        assertThat(accounts.hasher.verifications()).as("no hashing while throttled").isEqualTo(verifications);
    }

    @Test
    void throttleCountsAcrossClientsAndLiftsWhenFailuresLeaveTheWindow() {
        accounts.authenticator.check("alice@example.com", "wrong 1 password", TestAccounts.HOME);
        accounts.authenticator.check("alice@example.com", "wrong 2 password", TestAccounts.ELSEWHERE);
        accounts.authenticator.check("alice@example.com", "wrong 3 password", TestAccounts.ELSEWHERE);

        assertThat(failure(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME)))
                .isInstanceOf(AuthenticationFailure.Throttled.class);

        accounts.clock.advance(TestAccounts.THROTTLE.window().plusSeconds(1));
        assertThat(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME))
                .isInstanceOf(CredentialsValid.class);
    }

    @Test
    void throttlePerClientIpCoversManyDifferentEmails() {
        for (int i = 0; i < TestAccounts.THROTTLE.maxFailuresPerIp(); i++) {
            accounts.authenticator.check("victim" + i + "@example.com", "guess password 1", TestAccounts.ELSEWHERE);
        }

        assertThat(failure(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.ELSEWHERE)))
                .isInstanceOf(AuthenticationFailure.Throttled.class);
        assertThat(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME))
                .as("another client is not affected").isInstanceOf(CredentialsValid.class);
    }

    @Test
    void successClearsOnlyThisClientsFailuresOnThisAccount() {
        accounts.authenticator.check("alice@example.com", "attacker guess 1", TestAccounts.ELSEWHERE);
        accounts.authenticator.check("alice@example.com", "attacker guess 2", TestAccounts.ELSEWHERE);
        accounts.authenticator.check("alice@example.com", "my own typo!!!", TestAccounts.HOME);
        accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME);

        // The attacker's two failures still count: one more makes three and locks the account again.
        accounts.authenticator.check("alice@example.com", "attacker guess 3", TestAccounts.ELSEWHERE);
        assertThat(failure(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME)))
                .isInstanceOf(AuthenticationFailure.Throttled.class);
    }

    @Test
    void authenticateWhenStoredHashWeakerThanConfiguredThenUpgradesIt() {
        accounts.hasher.raiseCostTo(3);

        accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME);

        var stored = accounts.users.findById(alice.user().id()).orElseThrow().passwordHash();
        assertThat(accounts.hasher.needsRehash(stored)).isFalse();
        assertThat(accounts.authenticator.check("alice@example.com", PASSWORD, TestAccounts.HOME))
                .isInstanceOf(CredentialsValid.class);
    }

    @Test
    void accountWithoutPasswordNeverAuthenticatesByPassword() {
        var user = io.gatehouse.domain.model.User.newMember(new io.gatehouse.domain.model.Email("sso@example.com"), null, null,
                accounts.clock.instant());
        accounts.users.insertIfEmailFree(user);

        assertThat(failure(accounts.authenticator.check("sso@example.com", "", TestAccounts.HOME)))
                .isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
    }

    private static AuthenticationFailure failure(CredentialsOutcome result) {
        assertThat(result).isInstanceOf(AuthenticationFailure.class);
        return (AuthenticationFailure) result;
    }
}
