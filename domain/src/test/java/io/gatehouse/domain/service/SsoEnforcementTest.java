package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.in.SignUpUseCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsoEnforcementTest {

    private static final String PASSWORD = "correct horse battery";
    private final TestAccounts accounts = new TestAccounts();

    @Test
    void passwordsAreRefusedOnlyAfterTheRightPasswordForMembersOfAnEnforcingDomain() {
        User owner = signUp("owner@corp.example", "Corp");
        WorkspaceId workspace = accounts.workspaces.workspacesOf(owner.id()).get(0).workspace().id();
        accounts.join(owner.id(), workspace, signUp("member@corp.example", null), Role.ADMIN);
        enforce(workspace, true, true);
        accounts.domainClaims.claim(workspace, "corp.example", "challenge", accounts.clock.instant());
        assertThat(accounts.authenticator.check("member@corp.example", PASSWORD, TestAccounts.HOME))
                .as("a pending claim enforces nothing").isInstanceOf(CredentialsValid.class);
        accounts.domainClaims.markVerified(workspace, "corp.example", DomainClaim.VerificationMethod.DNS_TXT, accounts.clock.instant());

        assertThat(accounts.authenticator.check("member@corp.example", PASSWORD, TestAccounts.HOME))
                .isInstanceOf(AuthenticationFailure.SsoRequired.class);
        assertThat(accounts.authenticator.check("member@corp.example", "wrong password", TestAccounts.HOME))
                .as("a wrong password learns nothing about SSO").isInstanceOf(AuthenticationFailure.InvalidCredentials.class);
        assertThat(accounts.authenticator.check("owner@corp.example", PASSWORD, TestAccounts.HOME)).isInstanceOf(CredentialsValid.class);
        assertThat(accounts.authenticator.verify("member@corp.example", PASSWORD, TestAccounts.HOME))
                .as("proving the password (to link SSO, to change it) is not a login").isInstanceOf(CredentialsValid.class);

        enforce(workspace, true, false);
        assertThat(accounts.authenticator.check("member@corp.example", PASSWORD, TestAccounts.HOME)).isInstanceOf(CredentialsValid.class);
        enforce(workspace, false, true);
        assertThat(accounts.authenticator.check("member@corp.example", PASSWORD, TestAccounts.HOME))
                .as("a disabled configuration enforces nothing").isInstanceOf(CredentialsValid.class);
    }

    @Test
    void aStrangersWorkspaceNamingAnotherCompanysDomainCannotLockItsPeopleOut() {
        User victim = signUp("alice@victim.example", null);
        User stranger = signUp("stranger@evil.example", "Evil");
        WorkspaceId evil = accounts.workspaces.workspacesOf(stranger.id()).get(0).workspace().id();
        accounts.ssoConfigurations.upsert(new SsoConfiguration(evil, true, "https://idp", "https://idp/sso", List.of(),
                List.of("victim.example"), true, false, false, true, Role.MEMBER, true, false, AttributeMapping.DEFAULT,
                new SpKeys("c", "k", "c", "k"), accounts.clock.instant(), accounts.clock.instant(), java.util.Set.of()));
        accounts.domainClaims.claim(evil, "victim.example", "challenge", accounts.clock.instant());

        assertThat(accounts.authenticator.check(victim.email().value(), PASSWORD, TestAccounts.HOME)).isInstanceOf(CredentialsValid.class);
        assertThat(accounts.ssoConfigurations.findByVerifiedDomain("victim.example")).as("no discovery either").isEmpty();
    }

    private void enforce(WorkspaceId workspace, boolean enabled, boolean enforce) {
        accounts.ssoConfigurations.upsert(new SsoConfiguration(workspace, enabled, "https://idp", "https://idp/sso", List.of(),
                List.of("corp.example"), true, false, false, true, Role.MEMBER, enforce, false, AttributeMapping.DEFAULT,
                new SpKeys("c", "k", "c", "k"), accounts.clock.instant(), accounts.clock.instant(), java.util.Set.of()));
    }

    private User signUp(String email, String workspaceName) {
        var outcome = accounts.signUp.signUp(new SignUpUseCase.SignUpCommand(email, PASSWORD, null, workspaceName));
        return accounts.users.findByEmail(new Email(email)).orElseThrow(() -> new AssertionError(outcome.toString()));
    }
}
