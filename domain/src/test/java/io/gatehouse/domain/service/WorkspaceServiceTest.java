package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberChanged;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberOutcome;
import io.gatehouse.domain.port.in.WorkspaceUseCase.MemberRejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceServiceTest {

    private final TestAccounts accounts = new TestAccounts();
    private User owner;
    private User admin;
    private User member;
    private User outsider;
    private Workspace workspace;

    @BeforeEach
    void workspaceWithOwnerAdminAndMember() {
        owner = user("owner");
        admin = user("admin");
        member = user("member");
        outsider = user("outsider");
        workspace = accounts.workspaceService.create(owner.id(), "  Acme  ");
        accounts.join(owner.id(), workspace.id(), admin, Role.ADMIN);
        accounts.join(admin.id(), workspace.id(), member, Role.MEMBER);
    }

    @Test
    void creatorOwnsTheNewWorkspaceAndEveryChangeIsAudited() {
        assertThat(workspace.name()).isEqualTo("Acme");
        assertThat(accounts.workspaceService.get(owner.id(), workspace.id()).orElseThrow().role()).isEqualTo(Role.OWNER);
        assertThat(accounts.audit.events()).extracting(e -> e.action())
                .containsExactly("workspace.created", "invitation.created", "invitation.accepted", "invitation.created",
                        "invitation.accepted");
        assertThat(accounts.audit.events().get(3).actor()).isEqualTo(admin.id());
    }

    @Test
    void nonMembersSeeNothing() {
        assertThat(accounts.workspaceService.get(outsider.id(), workspace.id())).isEmpty();
        assertThat(accounts.workspaceService.members(outsider.id(), workspace.id())).isEmpty();
        assertThat(code(accounts.workspaceService.removeMember(outsider.id(), workspace.id(), member.id())))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void membersCannotManageMembersAndAdminsCannotTouchOwnership() {
        assertThat(code(accounts.workspaceService.changeRole(member.id(), workspace.id(), member.id(), Role.ADMIN)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(accounts.workspaceService.changeRole(admin.id(), workspace.id(), member.id(), Role.OWNER)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(accounts.workspaceService.changeRole(admin.id(), workspace.id(), owner.id(), Role.MEMBER)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(accounts.workspaceService.removeMember(admin.id(), workspace.id(), owner.id())))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(accounts.workspaceService.removeMember(member.id(), workspace.id(), admin.id())))
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void lastOwnerCanBeNeitherDemotedNorRemovedUntilAnotherOwnerExists() {
        assertThat(code(accounts.workspaceService.changeRole(owner.id(), workspace.id(), owner.id(), Role.ADMIN)))
                .isEqualTo(ErrorCode.LAST_OWNER);
        assertThat(code(accounts.workspaceService.removeMember(owner.id(), workspace.id(), owner.id())))
                .isEqualTo(ErrorCode.LAST_OWNER);

        added(accounts.workspaceService.changeRole(owner.id(), workspace.id(), admin.id(), Role.OWNER));

        assertThat(accounts.workspaceService.removeMember(owner.id(), workspace.id(), owner.id())).isInstanceOf(MemberChanged.class);
        assertThat(accounts.workspaceService.members(admin.id(), workspace.id()).orElseThrow())
                .extracting(Member::userId).containsExactly(admin.id(), member.id());
    }

    @Test
    void memberMayLeaveAndAdminMayRemoveMembers() {
        assertThat(accounts.workspaceService.removeMember(member.id(), workspace.id(), member.id())).isInstanceOf(MemberChanged.class);
        accounts.join(owner.id(), workspace.id(), member, Role.MEMBER);
        assertThat(accounts.workspaceService.removeMember(admin.id(), workspace.id(), member.id())).isInstanceOf(MemberChanged.class);
        assertThat(accounts.workspaceService.get(member.id(), workspace.id())).isEmpty();
    }

    private User user(String name) {
        return ((SignedUp) accounts.signUp.signUp(new SignUpCommand(name + "@example.com", "correct horse battery", name, null))).user();
    }

    private static void added(MemberOutcome outcome) {
        assertThat(outcome).isInstanceOf(MemberChanged.class);
    }

    private static ErrorCode code(MemberOutcome outcome) {
        assertThat(outcome).isInstanceOf(MemberRejected.class);
        return ((MemberRejected) outcome).code();
    }
}
