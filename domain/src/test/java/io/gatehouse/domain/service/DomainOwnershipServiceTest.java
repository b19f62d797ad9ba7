package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainDeleted;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainList;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainOutcome;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainRefused;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase.DomainView;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.out.DnsTxtResolver.NoSuchName;
import io.gatehouse.domain.port.out.DnsTxtResolver.NoTxtRecord;
import io.gatehouse.domain.port.out.DnsTxtResolver.ResolverFailure;
import io.gatehouse.domain.port.out.DnsTxtResolver.TxtRecords;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims, DNS verification, first-to-verify wins, and the operator's override. */
class DomainOwnershipServiceTest {

    private final TestAccounts accounts = new TestAccounts();
    private final DomainOwnershipService domains = accounts.domains;
    private User owner;
    private WorkspaceId workspace;
    private User stranger;
    private WorkspaceId strangers;

    @BeforeEach
    void setUp() {
        owner = signUp("owner@acme.test", "Acme");
        workspace = accounts.workspaces.workspacesOf(owner.id()).get(0).workspace().id();
        stranger = signUp("stranger@evil.test", "Evil");
        strangers = accounts.workspaces.workspacesOf(stranger.id()).get(0).workspace().id();
    }

    @Test
    void aClaimIsPendingWithItsOwnTxtRecordUntilTheRecordIsFound() {
        DomainClaim claim = ((DomainView) domains.claim(owner.id(), workspace, " ACME.test. ")).claim();

        assertThat(claim.domain()).isEqualTo("acme.test");
        assertThat(claim.status()).isEqualTo(DomainClaim.Status.PENDING);
        assertThat(claim.recordName()).isEqualTo("_gatehouse-challenge.acme.test");
        assertThat(claim.recordValue()).startsWith("gatehouse-domain-verification=").hasSizeGreaterThan(60);
        assertThat(((DomainView) domains.claim(owner.id(), workspace, "acme.test")).created()).as("claiming twice").isFalse();

        accounts.dns.answer(claim.recordName(), new TxtRecords(List.of("v=spf1 -all", claim.recordValue())));
        DomainClaim verified = ((DomainView) domains.verify(owner.id(), workspace, "acme.test")).claim();

        assertThat(verified.status()).isEqualTo(DomainClaim.Status.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo(DomainClaim.VerificationMethod.DNS_TXT);
        assertThat(verified.verifiedAt()).isEqualTo(accounts.clock.instant());
        assertThat(accounts.domainClaims.verifiedOwner("acme.test")).contains(workspace);
        assertThat(accounts.audit.events()).extracting(e -> e.action()).containsSubsequence("domain.claimed", "domain.verified");
    }

    @Test
    void eachDnsAnswerThatIsNotTheRecordSaysWhatWasFound() {
        DomainClaim claim = ((DomainView) domains.claim(owner.id(), workspace, "acme.test")).claim();

        assertThat(refusal(domains.verify(owner.id(), workspace, "acme.test"))).contains("does not exist (NXDOMAIN)");
        accounts.dns.answer(claim.recordName(), new NoTxtRecord());
        assertThat(refusal(domains.verify(owner.id(), workspace, "acme.test"))).contains("no TXT _gatehouse-challenge.acme.test record");
        accounts.dns.answer(claim.recordName(), new TxtRecords(List.of("gatehouse-domain-verification=someone-elses")));
        assertThat(refusal(domains.verify(owner.id(), workspace, "acme.test")))
                .contains("'gatehouse-domain-verification=someone-elses'").contains("but not '" + claim.recordValue() + "'");
        accounts.dns.answer(claim.recordName(), new ResolverFailure("timeout after 3 s from 127.0.0.1:53"));
        assertThat(refusal(domains.verify(owner.id(), workspace, "acme.test"))).contains("failed: timeout after 3 s");

        assertThat(accounts.domainClaims.verifiedOwner("acme.test")).isEmpty();
        assertThat(accounts.audit.events()).filteredOn(e -> e.action().equals("domain.verification_failed")).hasSize(4);
    }

    @Test
    void theStrangersClaimNeverVerifiesWithTheOwnersRecordAndTheFirstToVerifyWins() {
        DomainClaim theirs = ((DomainView) domains.claim(stranger.id(), strangers, "acme.test")).claim();
        DomainClaim ours = ((DomainView) domains.claim(owner.id(), workspace, "acme.test")).claim();
        assertThat(theirs.challenge()).isNotEqualTo(ours.challenge());
        accounts.dns.answer(ours.recordName(), new TxtRecords(List.of(ours.recordValue())));

        assertThat(code(domains.verify(stranger.id(), strangers, "acme.test"))).isEqualTo(ErrorCode.DOMAIN_NOT_VERIFIED);
        assertThat(domains.verify(owner.id(), workspace, "acme.test")).isInstanceOf(DomainView.class);

        assertThat(accounts.domainClaims.find(strangers, "acme.test").orElseThrow().status()).isEqualTo(DomainClaim.Status.TAKEN);
        assertThat(code(domains.verify(stranger.id(), strangers, "acme.test"))).isEqualTo(ErrorCode.DOMAIN_TAKEN);
        assertThat(code(domains.claim(signUpWorkspaceOwner("late@late.test"), lastWorkspace, "acme.test"))).isEqualTo(ErrorCode.DOMAIN_TAKEN);
        // Even with the owner's exact record published under its own claim's value, the stranger cannot take it over.
        accounts.dns.answer(theirs.recordName(), new TxtRecords(List.of(ours.recordValue(), theirs.recordValue())));
        assertThat(code(domains.verify(stranger.id(), strangers, "acme.test"))).isEqualTo(ErrorCode.DOMAIN_TAKEN);
        assertThat(accounts.domainClaims.verifiedOwner("acme.test")).contains(workspace);
    }

    @Test
    void invalidAndPublicDomainsAreRefusedWithTheirCodes() {
        assertThat(code(domains.claim(owner.id(), workspace, "not a domain"))).isEqualTo(ErrorCode.INVALID_DOMAIN);
        assertThat(code(domains.claim(owner.id(), workspace, ""))).isEqualTo(ErrorCode.INVALID_DOMAIN);
        assertThat(code(domains.claim(owner.id(), workspace, "gmail.com"))).isEqualTo(ErrorCode.PUBLIC_DOMAIN);
        assertThat(code(domains.claim(owner.id(), workspace, "co.uk"))).isEqualTo(ErrorCode.PUBLIC_DOMAIN);
    }

    @Test
    void onlyWorkspaceAdminsManageDomainsAndOutsidersLearnNothing() {
        User member = signUp("member@acme.test", null);
        accounts.workspaces.insert(new Membership(workspace, member.id(), Role.MEMBER, accounts.clock.instant()));

        assertThat(code(domains.claim(member.id(), workspace, "acme.test"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(domains.list(stranger.id(), workspace))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(domains.verify(stranger.id(), workspace, "acme.test"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(domains.verify(owner.id(), workspace, "unclaimed.test"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void deletingAVerifiedClaimFreesTheDomain() {
        domains.vouch(admin().id(), workspace, "acme.test");

        assertThat(domains.delete(owner.id(), workspace, "acme.test")).isInstanceOf(DomainDeleted.class);

        assertThat(accounts.domainClaims.verifiedOwner("acme.test")).isEmpty();
        assertThat(((DomainList) domains.list(owner.id(), workspace)).claims()).isEmpty();
        assertThat(code(domains.delete(owner.id(), workspace, "acme.test"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void anInstanceAdminVouchesForADomainButNobodyElseMay() {
        assertThat(code(domains.vouch(owner.id(), workspace, "acme.test"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(domains.vouch(admin().id(), WorkspaceId.random(), "acme.test"))).isEqualTo(ErrorCode.NOT_FOUND);

        DomainClaim vouched = ((DomainView) domains.vouch(admin().id(), workspace, "acme.test")).claim();

        assertThat(vouched.status()).isEqualTo(DomainClaim.Status.VERIFIED);
        assertThat(vouched.verifiedBy()).isEqualTo(DomainClaim.VerificationMethod.OPERATOR);
        assertThat(code(domains.vouch(admin().id(), strangers, "acme.test"))).isEqualTo(ErrorCode.DOMAIN_TAKEN);
    }

    private WorkspaceId lastWorkspace;

    private io.gatehouse.domain.model.UserId signUpWorkspaceOwner(String email) {
        User user = signUp(email, "Late");
        lastWorkspace = accounts.workspaces.workspacesOf(user.id()).get(0).workspace().id();
        return user.id();
    }

    private User admin() {
        User admin = accounts.users.findByEmail(new Email("ops@gatehouse.test")).orElseGet(() -> signUp("ops@gatehouse.test", null));
        accounts.users.updateInstanceAdmin(admin.id(), true);
        return accounts.users.findById(admin.id()).orElseThrow();
    }

    private User signUp(String email, String workspaceName) {
        accounts.signUp.signUp(new SignUpCommand(email, "correct horse battery", null, workspaceName));
        return accounts.users.findByEmail(new Email(email)).orElseThrow();
    }

    private static ErrorCode code(DomainOutcome outcome) {
        assertThat(outcome).isInstanceOf(DomainRefused.class);
        return ((DomainRefused) outcome).code();
    }

    private static String refusal(DomainOutcome outcome) {
        assertThat(code(outcome)).isEqualTo(ErrorCode.DOMAIN_NOT_VERIFIED);
        return ((DomainRefused) outcome).detail();
    }
}
