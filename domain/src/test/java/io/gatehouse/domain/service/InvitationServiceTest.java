package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.InvitationUseCase.AddressedList;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationList;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationOutcome;
import io.gatehouse.domain.port.in.InvitationUseCase.InvitationRefused;
import io.gatehouse.domain.port.in.InvitationUseCase.Invited;
import io.gatehouse.domain.port.in.InvitationUseCase.Joined;
import io.gatehouse.domain.port.in.InvitationUseCase.Revoked;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Membership by consent: invite an address, its verified owner accepts. */
class InvitationServiceTest {

    private final TestAccounts accounts = new TestAccounts();
    private final InvitationService invitations = accounts.invitationService;
    private User owner;
    private WorkspaceId workspace;

    @BeforeEach
    void setUp() {
        owner = signUp("owner@acme.test", "Acme <Labs>");
        workspace = accounts.workspaces.workspacesOf(owner.id()).get(0).workspace().id();
    }

    @Test
    void theInviteeGetsAMessageSeesTheInvitationAndJoinsWithTheRoleOnceVerified() {
        Invitation invitation = invite("ivy@elsewhere.test", Role.ADMIN);
        assertThat(invitation.expiresAt()).isEqualTo(accounts.clock.instant().plus(TestAccounts.MAIL.invitationLifetime()));
        OutgoingMail mail = accounts.outbox.queued().stream().filter(m -> m.kind() == OutgoingMail.Kind.INVITATION).findFirst().orElseThrow();
        assertThat(mail.to().value()).isEqualTo("ivy@elsewhere.test");
        assertThat(mail.text()).contains("https://login.example.com/invitations").contains("owner@acme.test").contains("admin");
        assertThat(mail.html()).contains("Acme &lt;Labs&gt;").doesNotContain("Acme <Labs>");

        User ivy = signUp("ivy@elsewhere.test", null);
        assertThat(((AddressedList) invitations.mine(ivy.id())).invitations()).singleElement().satisfies(addressed -> {
            assertThat(addressed.workspace().id()).isEqualTo(workspace);
            assertThat(addressed.inviterEmail().value()).isEqualTo("owner@acme.test");
        });
        assertThat(code(invitations.accept(ivy.id(), invitation.id()))).as("unverified").isEqualTo(ErrorCode.EMAIL_NOT_VERIFIED);

        accounts.users.markEmailVerified(ivy.id());
        Joined joined = (Joined) invitations.accept(ivy.id(), invitation.id());

        assertThat(joined.member().role()).isEqualTo(Role.ADMIN);
        assertThat(accounts.workspaces.roleOf(workspace, ivy.id())).contains(Role.ADMIN);
        assertThat(code(invitations.accept(ivy.id(), invitation.id()))).as("used").isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(((InvitationList) invitations.pending(owner.id(), workspace)).invitations()).isEmpty();
    }

    @Test
    void aSquatterWithSomeoneElsesUnverifiedAddressCanNeverAccept() {
        Invitation invitation = invite("ceo@victim.test", Role.OWNER);
        User squatter = signUp("ceo@victim.test", null);

        assertThat(code(invitations.accept(squatter.id(), invitation.id()))).isEqualTo(ErrorCode.EMAIL_NOT_VERIFIED);
        assertThat(accounts.workspaces.roleOf(workspace, squatter.id())).isEmpty();
    }

    @Test
    void anInvitationIsOnlyForItsAddressAndExpires() {
        Invitation invitation = invite("jo@elsewhere.test", Role.MEMBER);
        User other = verified(signUp("not-jo@elsewhere.test", null));
        User jo = verified(signUp("jo@elsewhere.test", null));

        assertThat(code(invitations.accept(other.id(), invitation.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        accounts.clock.advance(TestAccounts.MAIL.invitationLifetime().plus(Duration.ofSeconds(1)));
        assertThat(code(invitations.accept(jo.id(), invitation.id()))).isEqualTo(ErrorCode.INVITATION_EXPIRED);
        assertThat(((AddressedList) invitations.mine(jo.id())).invitations()).isEmpty();
    }

    @Test
    void onlyAdminsInviteOnlyOwnersInviteOwnersAndMembersCannotBeInvitedAgain() {
        User member = verified(signUp("member@acme.test", null));
        accounts.join(owner.id(), workspace, member, Role.MEMBER);
        User outsider = signUp("outsider@else.test", null);

        assertThat(code(invitations.invite(member.id(), workspace, "x@else.test", Role.MEMBER))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(invitations.invite(outsider.id(), workspace, "x@else.test", Role.MEMBER))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(invitations.invite(owner.id(), workspace, "member@acme.test", Role.ADMIN))).isEqualTo(ErrorCode.ALREADY_MEMBER);
        assertThat(code(invitations.invite(owner.id(), workspace, "bad address", Role.ADMIN))).isEqualTo(ErrorCode.INVALID_EMAIL);
        accounts.workspaceService.changeRole(owner.id(), workspace, member.id(), Role.ADMIN);
        assertThat(code(invitations.invite(member.id(), workspace, "x@else.test", Role.OWNER))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(invitations.invite(member.id(), workspace, "x@else.test", Role.ADMIN)).isInstanceOf(Invited.class);
    }

    @Test
    void reInvitingReplacesTheOpenInvitationAndRevokingEndsIt() {
        Invitation first = invite("kay@else.test", Role.MEMBER);
        Invitation second = invite("KAY@else.test", Role.ADMIN);

        assertThat(((InvitationList) invitations.pending(owner.id(), workspace)).invitations()).singleElement()
                .satisfies(i -> assertThat(i.id()).isEqualTo(second.id()));
        assertThat(code(invitations.revoke(owner.id(), workspace, first.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(invitations.revoke(owner.id(), workspace, second.id())).isInstanceOf(Revoked.class);
        User kay = verified(signUp("kay@else.test", null));
        assertThat(code(invitations.accept(kay.id(), second.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(accounts.audit.events()).extracting(e -> e.action()).contains("invitation.created", "invitation.revoked");
    }

    private Invitation invite(String email, Role role) {
        return ((Invited) invitations.invite(owner.id(), workspace, email, role)).invitation();
    }

    private User verified(User user) {
        accounts.users.markEmailVerified(user.id());
        return accounts.users.findById(user.id()).orElseThrow();
    }

    private User signUp(String email, String workspaceName) {
        accounts.signUp.signUp(new SignUpCommand(email, "correct horse battery", null, workspaceName));
        return accounts.users.findByEmail(new Email(email)).orElseThrow();
    }

    private static ErrorCode code(InvitationOutcome outcome) {
        assertThat(outcome).isInstanceOf(InvitationRefused.class);
        return ((InvitationRefused) outcome).code();
    }
}
