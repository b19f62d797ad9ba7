package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpRejected;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import org.junit.jupiter.api.Test;

class SignUpServiceTest {

    private final TestAccounts accounts = new TestAccounts();

    @Test
    void signUpWithWorkspaceNameThenUserOwnsNewWorkspace() {
        var outcome = accounts.signUp.signUp(new SignUpCommand("  Ada@Example.COM ", "correct horse battery", "Ada", "Engines"));

        SignedUp signedUp = (SignedUp) outcome;
        assertThat(signedUp.user().email().value()).isEqualTo("ada@example.com");
        assertThat(signedUp.user().hasPassword()).isTrue();
        assertThat(signedUp.workspace()).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("Engines"));
        assertThat(accounts.workspaces.workspacesOf(signedUp.user().id()))
                .singleElement().satisfies(role -> assertThat(role.role()).isEqualTo(Role.OWNER));
    }

    @Test
    void signUpWithoutWorkspaceNameThenNoWorkspace() {
        SignedUp signedUp = (SignedUp) accounts.signUp.signUp(new SignUpCommand("b@example.com", "correct horse battery", null, " "));

        assertThat(signedUp.workspace()).isEmpty();
        assertThat(accounts.workspaces.workspaceCount()).isZero();
    }

    @Test
    void signUpWhenEmailDiffersOnlyInCaseThenEmailTaken() {
        accounts.signUp.signUp(new SignUpCommand("grace@example.com", "correct horse battery", null, null));

        var outcome = accounts.signUp.signUp(new SignUpCommand("GRACE@example.com", "another good password", null, "W"));

        assertThat(outcome).isEqualTo(new SignUpRejected(ErrorCode.EMAIL_TAKEN, "email", "an account with this email already exists"));
        assertThat(accounts.workspaces.workspaceCount()).as("no workspace for a failed sign-up").isZero();
    }

    @Test
    void signUpWithMalformedEmailThenInvalidEmail() {
        for (String email : new String[] {"", "no-at-sign", "a@b", "a@@b.com", "a b@c.com", "<a>@b.com", "a@-b.com"}) {
            var outcome = accounts.signUp.signUp(new SignUpCommand(email, "correct horse battery", null, null));
            assertThat(((SignUpRejected) outcome).code()).as(email).isEqualTo(ErrorCode.INVALID_EMAIL);
        }
    }

    @Test
    void signUpWithShortCommonOrOverlongPasswordThenWeakPassword() {
        String overlong = "x".repeat(128) + "y".repeat(129);
        for (String password : new String[] {"short", "123456789", "1234567890", "Password123", "aaaaaaaaaaaaa", overlong,
                "carol@example.com"}) {
            var outcome = accounts.signUp.signUp(new SignUpCommand("carol@example.com", password, null, null));
            assertThat(((SignUpRejected) outcome).code()).as(password).isEqualTo(ErrorCode.WEAK_PASSWORD);
        }
    }

    @Test
    void passwordIsStoredOnlyAsHash() {
        SignedUp signedUp = (SignedUp) accounts.signUp.signUp(new SignUpCommand("dan@example.com", "correct horse battery", null, null));

        assertThat(signedUp.user().passwordHash().encoded()).isNotEqualTo("correct horse battery");
        assertThat(signedUp.user().passwordHash().toString()).doesNotContain("correct horse battery");
    }
}
