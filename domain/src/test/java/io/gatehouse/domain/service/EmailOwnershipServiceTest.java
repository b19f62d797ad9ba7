package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailOutcome;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailRefused;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailThrottled;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.EmailVerified;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.MailAccepted;
import io.gatehouse.domain.port.in.EmailOwnershipUseCase.PasswordWasReset;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Email verification and password reset by single-use mailed links. */
class EmailOwnershipServiceTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a much better passphrase";
    private final TestAccounts accounts = new TestAccounts();
    private final EmailOwnershipService email = accounts.emailOwnership;

    @Test
    void signUpMailsAVerificationLinkThatVerifiesOnceAndOnlyOnce() {
        User ann = signUp("ann@acme.test");
        assertThat(ann.emailVerified()).isFalse();
        OutgoingMail mail = accounts.outbox.queued().get(0);
        assertThat(mail.kind()).isEqualTo(OutgoingMail.Kind.EMAIL_VERIFICATION);
        assertThat(mail.text()).contains("https://login.example.com/verify-email?token=");
        assertThat(mail.html()).contains("href=\"https://login.example.com/verify-email?token=");
        String token = token("ann@acme.test", OutgoingMail.Kind.EMAIL_VERIFICATION);

        assertThat(email.verifyEmail(token)).isInstanceOfSatisfying(EmailVerified.class, v -> assertThat(v.user().emailVerified()).isTrue());
        assertThat(accounts.users.findById(ann.id()).orElseThrow().emailVerified()).isTrue();
        assertThat(code(email.verifyEmail(token))).as("used").isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(code(email.verifyEmail("made-up"))).isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(code(email.verifyEmail(""))).isEqualTo(ErrorCode.INVALID_TOKEN);
    }

    @Test
    void aVerificationLinkExpiresAndAResentLinkReplacesTheOldOne() {
        User bea = signUp("bea@acme.test");
        String first = token("bea@acme.test", OutgoingMail.Kind.EMAIL_VERIFICATION);

        assertThat(email.resendVerification(bea.id())).isInstanceOf(MailAccepted.class);
        String second = token("bea@acme.test", OutgoingMail.Kind.EMAIL_VERIFICATION);
        assertThat(second).isNotEqualTo(first);
        assertThat(code(email.verifyEmail(first))).as("replaced").isEqualTo(ErrorCode.INVALID_TOKEN);

        accounts.clock.advance(TestAccounts.MAIL.verificationLifetime());
        assertThat(code(email.verifyEmail(second))).as("expired").isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(accounts.users.findById(bea.id()).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void resendingIsRefusedWhenVerifiedAndThrottledPerAccount() {
        User cy = signUp("cy@acme.test");
        for (int i = 0; i < TestAccounts.MAIL.maxVerificationMails(); i++) {
            assertThat(email.resendVerification(cy.id())).isInstanceOf(MailAccepted.class);
        }
        assertThat(email.resendVerification(cy.id())).isInstanceOfSatisfying(EmailThrottled.class,
                t -> assertThat(t.retryAfter()).isPositive());

        email.verifyEmail(token("cy@acme.test", OutgoingMail.Kind.EMAIL_VERIFICATION));
        assertThat(code(email.resendVerification(cy.id()))).isEqualTo(ErrorCode.ALREADY_VERIFIED);
    }

    @Test
    void aResetRequestAnswersTheSameForKnownAndUnknownAddressesAndMailsOnlyTheKnownOne() {
        signUp("dee@acme.test");
        int queuedBefore = accounts.outbox.queued().size();

        EmailOutcome known = email.requestPasswordReset("dee@acme.test", TestAccounts.HOME);
        EmailOutcome unknown = email.requestPasswordReset("nobody@acme.test", TestAccounts.HOME);

        assertThat(known).isEqualTo(unknown).isInstanceOf(MailAccepted.class);
        assertThat(accounts.outbox.queued()).hasSize(queuedBefore + 1);
        assertThat(accounts.outbox.queued().get(queuedBefore).to().value()).isEqualTo("dee@acme.test");
        assertThat(accounts.outbox.queued().get(queuedBefore).text()).contains("https://login.example.com/reset-password?token=");
        assertThat(code(email.requestPasswordReset("not an address", TestAccounts.HOME))).isEqualTo(ErrorCode.INVALID_EMAIL);
    }

    @Test
    void resetRequestsAreThrottledPerAddressAndPerClient() {
        for (int i = 0; i < TestAccounts.MAIL.maxResetsPerEmail(); i++) {
            assertThat(email.requestPasswordReset("eve@acme.test", TestAccounts.HOME)).isInstanceOf(MailAccepted.class);
        }
        assertThat(email.requestPasswordReset("EVE@acme.test", TestAccounts.ELSEWHERE)).as("same address, other client")
                .isInstanceOf(EmailThrottled.class);

        for (int i = 0; i < TestAccounts.MAIL.maxResetsPerIp() - TestAccounts.MAIL.maxResetsPerEmail(); i++) {
            assertThat(email.requestPasswordReset("other" + i + "@acme.test", TestAccounts.HOME)).isInstanceOf(MailAccepted.class);
        }
        assertThat(email.requestPasswordReset("fresh@acme.test", TestAccounts.HOME)).as("same client, other address")
                .isInstanceOf(EmailThrottled.class);
    }

    @Test
    void aResetEndsEverySessionProvesTheMailboxAndIsSingleUse() {
        User fay = signUp("fay@acme.test");
        accounts.issuer.open(fay, AuthMethod.PASSWORD, TestAccounts.HOME);
        accounts.issuer.open(fay, AuthMethod.PASSWORD, TestAccounts.ELSEWHERE);
        email.requestPasswordReset("fay@acme.test", TestAccounts.HOME);
        String token = token("fay@acme.test", OutgoingMail.Kind.PASSWORD_RESET);

        assertThat(code(email.resetPassword(token, "short"))).as("weak").isEqualTo(ErrorCode.WEAK_PASSWORD);
        assertThat(email.resetPassword(token, NEW_PASSWORD)).as("the token survived the weak attempt").isInstanceOf(PasswordWasReset.class);

        assertThat(accounts.sessions.listUnrevoked(fay.id(), accounts.clock.instant())).isEmpty();
        assertThat(accounts.users.findById(fay.id()).orElseThrow().emailVerified()).isTrue();
        assertThat(accounts.authenticator.check("fay@acme.test", NEW_PASSWORD, TestAccounts.HOME)).isInstanceOf(CredentialsValid.class);
        assertThat(accounts.authenticator.check("fay@acme.test", PASSWORD, TestAccounts.HOME))
                .isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
        assertThat(code(email.resetPassword(token, "yet another passphrase"))).as("used").isEqualTo(ErrorCode.INVALID_TOKEN);
    }

    @Test
    void aResetLinkExpiresAfterItsLifetimeAndANewRequestReplacesIt() {
        signUp("gus@acme.test");
        email.requestPasswordReset("gus@acme.test", TestAccounts.HOME);
        String first = token("gus@acme.test", OutgoingMail.Kind.PASSWORD_RESET);
        email.requestPasswordReset("gus@acme.test", TestAccounts.HOME);
        String second = token("gus@acme.test", OutgoingMail.Kind.PASSWORD_RESET);

        assertThat(code(email.resetPassword(first, NEW_PASSWORD))).as("replaced").isEqualTo(ErrorCode.INVALID_TOKEN);
        accounts.clock.advance(TestAccounts.MAIL.resetLifetime().plus(Duration.ofSeconds(1)));
        assertThat(code(email.resetPassword(second, NEW_PASSWORD))).as("expired").isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(code(email.verifyEmail(second))).as("a reset token is not a verification token").isEqualTo(ErrorCode.INVALID_TOKEN);
    }

    private User signUp(String address) {
        accounts.signUp.signUp(new SignUpCommand(address, PASSWORD, null, null));
        return accounts.users.findByEmail(new Email(address)).orElseThrow();
    }

    private String token(String address, OutgoingMail.Kind kind) {
        return accounts.outbox.lastToken(address, kind).orElseThrow();
    }

    private static ErrorCode code(EmailOutcome outcome) {
        assertThat(outcome).isInstanceOf(EmailRefused.class);
        return ((EmailRefused) outcome).code();
    }
}
