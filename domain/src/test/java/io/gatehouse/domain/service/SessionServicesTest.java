package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.port.in.AccountUseCase.ChangePasswordCommand;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChangeRejected;
import io.gatehouse.domain.port.in.AccountUseCase.PasswordChanged;
import io.gatehouse.domain.port.in.AdministerUsersUseCase.AdminRejected;
import io.gatehouse.domain.port.in.AdministerUsersUseCase.StatusChanged;
import io.gatehouse.domain.port.in.ManageSessionsUseCase.SessionView;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServicesTest {

    private static final String PASSWORD = "correct horse battery";
    private final TestAccounts accounts = new TestAccounts();
    private SignedUp alice;
    private SignedUp bob;

    @BeforeEach
    void twoUsers() {
        alice = (SignedUp) accounts.signUp.signUp(new SignUpCommand("alice@example.com", PASSWORD, null, null));
        bob = (SignedUp) accounts.signUp.signUp(new SignUpCommand("bob@example.com", PASSWORD, null, null));
    }

    @Test
    void openedSessionAuthenticatesByItsSecretAndRecordsLastLogin() {
        LoggedIn login = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        var principal = accounts.sessionAuthentication.authenticate(login.secret().value());

        assertThat(principal).hasValueSatisfying(p -> assertThat(p.user().id()).isEqualTo(alice.user().id()));
        assertThat(login.session().tokenHash()).isEqualTo(login.secret().hash());
        assertThat(accounts.users.findById(alice.user().id()).orElseThrow().lastLoginAt()).isEqualTo(accounts.clock.instant());
    }

    @Test
    void unknownOrOversizedSecretDoesNotAuthenticate() {
        assertThat(accounts.sessionAuthentication.authenticate("not-a-session")).isEmpty();
        assertThat(accounts.sessionAuthentication.authenticate("x".repeat(10_000))).isEmpty();
        assertThat(accounts.sessionAuthentication.authenticate("")).isEmpty();
    }

    @Test
    void sessionIdleLongerThanIdleTimeoutStopsWorking() {
        LoggedIn login = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        accounts.clock.advance(TestAccounts.SESSIONS.idleTimeout().plusSeconds(1));

        assertThat(accounts.sessionAuthentication.authenticate(login.secret().value())).isEmpty();
    }

    @Test
    void activeSessionStillEndsAtItsAbsoluteLifetime() {
        LoggedIn login = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);
        Duration step = TestAccounts.SESSIONS.idleTimeout().dividedBy(2);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(TestAccounts.SESSIONS.absoluteLifetime()) < 0) {
            accounts.clock.advance(step);
            elapsed = elapsed.plus(step);
            assertThat(accounts.sessionAuthentication.authenticate(login.secret().value())).isPresent();
        }

        accounts.clock.advance(step);

        assertThat(accounts.sessionAuthentication.authenticate(login.secret().value())).isEmpty();
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerTouchInterval() {
        LoggedIn login = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);
        for (int i = 0; i < 10; i++) {
            accounts.clock.advance(Duration.ofSeconds(5));
            accounts.sessionAuthentication.authenticate(login.secret().value());
        }
        assertThat(accounts.sessions.touches()).as("50 s of requests, 60 s interval").isZero();

        accounts.clock.advance(Duration.ofSeconds(15));
        accounts.sessionAuthentication.authenticate(login.secret().value());

        assertThat(accounts.sessions.touches()).isEqualTo(1);
    }

    @Test
    void sessionOfSuspendedUserStopsWorking() {
        LoggedIn login = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        accounts.users.updateStatus(alice.user().id(), UserStatus.SUSPENDED);

        assertThat(accounts.sessionAuthentication.authenticate(login.secret().value())).isEmpty();
    }

    @Test
    void listFlagsTheCurrentSessionAndShowsOnlyOwnSessions() {
        LoggedIn first = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);
        accounts.clock.advance(Duration.ofSeconds(1));
        LoggedIn second = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.ELSEWHERE);
        accounts.issuer.open(bob.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        var list = accounts.sessionManagement.list(alice.user().id(), first.session().id());

        assertThat(list).extracting(v -> v.session().id()).containsExactly(second.session().id(), first.session().id());
        assertThat(list).extracting(SessionView::current).containsExactly(false, true);
    }

    @Test
    void revokeWithAnotherUsersSessionIdLeavesItAlone() {
        LoggedIn bobs = accounts.issuer.open(bob.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        accounts.sessionManagement.revoke(alice.user().id(), bobs.session().id());

        assertThat(accounts.sessionAuthentication.authenticate(bobs.secret().value())).isPresent();
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheUserOnly() {
        LoggedIn first = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);
        LoggedIn second = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.ELSEWHERE);
        LoggedIn bobs = accounts.issuer.open(bob.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        accounts.sessionManagement.logout(alice.user().id(), first.session().id(), true);

        assertThat(accounts.sessionAuthentication.authenticate(first.secret().value())).isEmpty();
        assertThat(accounts.sessionAuthentication.authenticate(second.secret().value())).isEmpty();
        assertThat(accounts.sessionAuthentication.authenticate(bobs.secret().value())).isPresent();
    }

    @Test
    void changePasswordRevokesEveryOtherSessionButKeepsTheCurrentOne() {
        LoggedIn current = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);
        LoggedIn other = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.ELSEWHERE);

        var outcome = accounts.accounts.changePassword(new ChangePasswordCommand(alice.user().id(), current.session().id(),
                PASSWORD, "a brand new passphrase", TestAccounts.HOME));

        assertThat(outcome).isInstanceOf(PasswordChanged.class);
        assertThat(accounts.sessionAuthentication.authenticate(current.secret().value())).isPresent();
        assertThat(accounts.sessionAuthentication.authenticate(other.secret().value())).isEmpty();
        assertThat(accounts.authenticator.check("alice@example.com", "a brand new passphrase", TestAccounts.HOME))
                .isInstanceOf(io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid.class);
    }

    @Test
    void changePasswordWithWrongCurrentOrWeakNewPasswordIsRejectedAndChangesNothing() {
        LoggedIn current = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.HOME);
        LoggedIn other = accounts.issuer.open(alice.user(), AuthMethod.PASSWORD, TestAccounts.ELSEWHERE);

        var wrong = accounts.accounts.changePassword(new ChangePasswordCommand(alice.user().id(), current.session().id(),
                "not my password", "a brand new passphrase", TestAccounts.HOME));
        var weak = accounts.accounts.changePassword(new ChangePasswordCommand(alice.user().id(), current.session().id(),
                PASSWORD, "short", TestAccounts.HOME));

        assertThat(((PasswordChangeRejected) wrong).code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(((PasswordChangeRejected) weak).code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
        assertThat(accounts.sessionAuthentication.authenticate(other.secret().value())).isPresent();
    }

    @Test
    void suspendingRequiresAnInstanceAdminAndRevokesEverySession() {
        LoggedIn bobs = accounts.issuer.open(bob.user(), AuthMethod.PASSWORD, TestAccounts.HOME);

        var byNonAdmin = accounts.administration.changeStatus(alice.user().id(), bob.user().id(), UserStatus.SUSPENDED);
        assertThat(byNonAdmin).isEqualTo(new AdminRejected(ErrorCode.FORBIDDEN));
        assertThat(accounts.sessionAuthentication.authenticate(bobs.secret().value())).isPresent();

        accounts.users.updateInstanceAdmin(alice.user().id(), true);
        var byAdmin = accounts.administration.changeStatus(alice.user().id(), bob.user().id(), UserStatus.SUSPENDED);

        assertThat(((StatusChanged) byAdmin).user().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(accounts.sessions.isRevoked(bobs.session().id())).isTrue();
        assertThat(accounts.administration.changeStatus(alice.user().id(), io.gatehouse.domain.model.UserId.random(), UserStatus.ACTIVE))
                .isEqualTo(new AdminRejected(ErrorCode.USER_NOT_FOUND));
    }
}
