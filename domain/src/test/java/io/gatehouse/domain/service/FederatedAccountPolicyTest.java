package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.service.FederatedAccountPolicy.ConfirmWithPassword;
import io.gatehouse.domain.service.FederatedAccountPolicy.Decision;
import io.gatehouse.domain.service.FederatedAccountPolicy.LinkToRequester;
import io.gatehouse.domain.service.FederatedAccountPolicy.LogIn;
import io.gatehouse.domain.service.FederatedAccountPolicy.NotProvisioned;
import io.gatehouse.domain.service.FederatedAccountPolicy.Provision;
import io.gatehouse.domain.service.FederatedAccountPolicy.Reclaim;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The federated login's account decision, case by case. */
class FederatedAccountPolicyTest {

    private static final User LINKED = user("linked@corp.test", true);
    private static final User VERIFIED = user("owner@corp.test", true);
    private static final User SQUATTED = user("ceo@corp.test", false);

    @Test
    void aLinkRequestLinksWhateverElseIsTrue() {
        assertThat(decide(true, Optional.of(LINKED), Optional.of(VERIFIED), false)).isInstanceOf(LinkToRequester.class);
    }

    @Test
    void aLinkedIdentityLogsItsAccountIn() {
        assertThat(decide(false, Optional.of(LINKED), Optional.empty(), false)).isEqualTo(new LogIn(LINKED));
    }

    @Test
    void aVerifiedAccountWithTheEmailIsNeverLoggedInSilently() {
        assertThat(decide(false, Optional.empty(), Optional.of(VERIFIED), true)).isEqualTo(new ConfirmWithPassword(VERIFIED));
    }

    @Test
    void anUnverifiedAccountWithTheEmailIsReclaimedForTheMailboxOwner() {
        assertThat(decide(false, Optional.empty(), Optional.of(SQUATTED), false)).isEqualTo(new Reclaim(SQUATTED));
    }

    @Test
    void noAccountIsProvisionedOnlyWhenTheWorkspaceAllowsIt() {
        assertThat(decide(false, Optional.empty(), Optional.empty(), true)).isInstanceOf(Provision.class);
        assertThat(decide(false, Optional.empty(), Optional.empty(), false)).isInstanceOf(NotProvisioned.class);
    }

    private static Decision decide(boolean linkRequested, Optional<User> linked, Optional<User> withEmail, boolean jit) {
        return FederatedAccountPolicy.decide(linkRequested, linked, withEmail, jit);
    }

    private static User user(String email, boolean verified) {
        return User.newMember(new Email(email), null, new PasswordHash("h"), Instant.EPOCH).withEmailVerified(verified);
    }
}
