package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ApiTokenUseCase.Created;
import io.gatehouse.domain.port.in.ApiTokenUseCase.CreateRejected;
import io.gatehouse.domain.port.in.ApiTokenUseCase.UpdateRejected;
import io.gatehouse.domain.port.in.ApiTokenUseCase.Updated;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiTokenServiceTest {

    private final TestAccounts accounts = new TestAccounts();
    private SignedUp owner;
    private SignedUp member;
    private SignedUp outsider;
    private WorkspaceId workspace;

    @BeforeEach
    void workspaceWithOwnerAndMember() {
        owner = (SignedUp) accounts.signUp.signUp(new SignUpCommand("owner@example.com", "correct horse battery", null, "Acme"));
        member = (SignedUp) accounts.signUp.signUp(new SignUpCommand("member@example.com", "correct horse battery", null, null));
        outsider = (SignedUp) accounts.signUp.signUp(new SignUpCommand("outsider@example.com", "correct horse battery", null, null));
        workspace = owner.workspace().orElseThrow().id();
        accounts.workspaces.insert(new Membership(workspace, member.user().id(), Role.MEMBER, accounts.clock.instant()));
    }

    @Test
    void createdTokenAuthenticatesAndIsStoredOnlyAsHash() {
        Created created = (Created) accounts.apiTokenService.create(member.user().id(), "ci", null, Optional.empty());

        assertThat(created.secret()).startsWith(ApiToken.PREFIX).startsWith(created.token().tokenPrefix());
        assertThat(created.token().tokenHash().hex()).doesNotContain(created.secret());
        assertThat(accounts.apiTokenService.authenticate(created.secret()))
                .hasValueSatisfying(p -> assertThat(p.user().id()).isEqualTo(member.user().id()));
    }

    @Test
    void disabledExpiredDeletedOrSuspendedTokensFailAtOnce() {
        Created disabled = (Created) accounts.apiTokenService.create(member.user().id(), null, null, Optional.empty());
        accounts.apiTokenService.update(member.user().id(), disabled.token().id(), Optional.empty(), Optional.of(false), 1);
        assertThat(accounts.apiTokenService.authenticate(disabled.secret())).isEmpty();

        Created expiring = (Created) accounts.apiTokenService.create(member.user().id(), null,
                accounts.clock.instant().plus(Duration.ofHours(1)), Optional.empty());
        accounts.clock.advance(Duration.ofHours(1));
        assertThat(accounts.apiTokenService.authenticate(expiring.secret())).isEmpty();

        Created deleted = (Created) accounts.apiTokenService.create(member.user().id(), null, null, Optional.empty());
        assertThat(accounts.apiTokenService.delete(member.user().id(), deleted.token().id())).isTrue();
        assertThat(accounts.apiTokenService.authenticate(deleted.secret())).isEmpty();

        Created suspended = (Created) accounts.apiTokenService.create(member.user().id(), null, null, Optional.empty());
        accounts.users.updateStatus(member.user().id(), UserStatus.SUSPENDED);
        assertThat(accounts.apiTokenService.authenticate(suspended.secret())).isEmpty();
    }

    @Test
    void workspaceTokenRequiresMembership() {
        var outcome = accounts.apiTokenService.create(outsider.user().id(), null, null, Optional.of(workspace));

        assertThat(((CreateRejected) outcome).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void expiryInThePastIsRejected() {
        var outcome = accounts.apiTokenService.create(member.user().id(), null, accounts.clock.instant(), Optional.empty());

        assertThat(((CreateRejected) outcome).field()).isEqualTo("expires_at");
    }

    @Test
    void updateWithStaleVersionConflictsAndWithCurrentVersionIncrementsIt() {
        Created created = (Created) accounts.apiTokenService.create(member.user().id(), "old", null, Optional.empty());
        ApiTokenId id = created.token().id();

        Updated updated = (Updated) accounts.apiTokenService.update(member.user().id(), id, Optional.of("new"), Optional.empty(), 1);
        var stale = accounts.apiTokenService.update(member.user().id(), id, Optional.of("newer"), Optional.empty(), 1);
        var foreign = accounts.apiTokenService.update(outsider.user().id(), id, Optional.of("mine"), Optional.empty(), 2);

        assertThat(updated.token().version()).isEqualTo(2);
        assertThat(updated.token().note()).isEqualTo("new");
        assertThat(stale).isEqualTo(new UpdateRejected(ErrorCode.VERSION_CONFLICT));
        assertThat(foreign).isEqualTo(new UpdateRejected(ErrorCode.NOT_FOUND));
    }

    @Test
    void workspaceAdminsSeeAndDeleteEveryMembersTokensMembersOnlyTheirOwn() {
        Created ownersToken = (Created) accounts.apiTokenService.create(owner.user().id(), null, null, Optional.of(workspace));
        Created membersToken = (Created) accounts.apiTokenService.create(member.user().id(), null, null, Optional.of(workspace));
        accounts.apiTokenService.create(member.user().id(), null, null, Optional.empty());

        assertThat(accounts.apiTokenService.listForWorkspace(owner.user().id(), workspace).orElseThrow()).hasSize(2);
        assertThat(accounts.apiTokenService.listForWorkspace(member.user().id(), workspace).orElseThrow())
                .extracting(ApiToken::id).containsExactly(membersToken.token().id());
        assertThat(accounts.apiTokenService.listForWorkspace(outsider.user().id(), workspace)).isEmpty();

        var byMember = accounts.apiTokenService.deleteInWorkspace(member.user().id(), workspace,
                List.of(ownersToken.token().id(), membersToken.token().id()));
        assertThat(byMember.orElseThrow().requested()).isEqualTo(2);
        assertThat(byMember.orElseThrow().deleted()).as("only their own").isEqualTo(1);
        assertThat(accounts.apiTokenService.deleteInWorkspace(outsider.user().id(), workspace, List.of(ownersToken.token().id())))
                .isEmpty();
        var byOwner = accounts.apiTokenService.deleteInWorkspace(owner.user().id(), workspace, List.of(ownersToken.token().id()));
        assertThat(byOwner.orElseThrow().deleted()).isEqualTo(1);
    }

    @Test
    void resetDefaultReplacesOnlyTheDefaultToken() {
        String first = accounts.apiTokenService.resetDefault(member.user().id());
        Created other = (Created) accounts.apiTokenService.create(member.user().id(), null, null, Optional.empty());

        String second = accounts.apiTokenService.resetDefault(member.user().id());

        assertThat(accounts.apiTokenService.authenticate(first)).isEmpty();
        assertThat(accounts.apiTokenService.authenticate(second)).isPresent();
        assertThat(accounts.apiTokenService.authenticate(other.secret())).isPresent();
    }

    @Test
    void lastUsedIsRecordedAtMostOncePerMinute() {
        Created created = (Created) accounts.apiTokenService.create(member.user().id(), null, null, Optional.empty());
        for (int i = 0; i < 5; i++) {
            accounts.apiTokenService.authenticate(created.secret());
            accounts.clock.advance(Duration.ofSeconds(10));
        }
        assertThat(accounts.apiTokens.recordedUses()).isEqualTo(1);

        accounts.clock.advance(Duration.ofSeconds(20));
        accounts.apiTokenService.authenticate(created.secret());

        assertThat(accounts.apiTokens.recordedUses()).isEqualTo(2);
    }
}
