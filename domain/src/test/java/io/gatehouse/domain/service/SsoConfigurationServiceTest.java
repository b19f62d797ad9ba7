package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.domain.fakes.InMemorySsoConfigurations;
import io.gatehouse.domain.fakes.InMemorySsoEvents;
import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.CertificateInfo;
import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SignUpUseCase.SignedUp;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.FieldProblem;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoField;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoOutcome;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoRejected;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoSettings;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoView;
import io.gatehouse.domain.port.out.IdpMetadataReader.IdpMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import io.gatehouse.domain.fakes.FakeSecretSealer;
import io.gatehouse.domain.model.SsoConfiguration.OidcConnection;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.OidcSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SsoConfigurationServiceTest {

    /** Test certificates are strings "cert:<subject>:<days valid from now>". */
    private static final String GOOD = "-----BEGIN CERTIFICATE-----good:3650";
    private static final String EXPIRED = "-----BEGIN CERTIFICATE-----old:-1";

    private final TestAccounts accounts = new TestAccounts();
    private final AtomicInteger keysGenerated = new AtomicInteger();
    private final InMemorySsoConfigurations configurations = accounts.ssoConfigurations;
    private SsoConfigurationService sso;
    private User owner;
    private User member;
    private User outsider;
    private Workspace workspace;

    @BeforeEach
    void setUp() {
        sso = new SsoConfigurationService(accounts.workspaces, configurations,
                xml -> new IdpMetadata("https://idp.example/entity", "https://idp.example/sso", List.of(GOOD)),
                descriptor -> "<EntityDescriptor entityID=\"" + descriptor.entityId() + "\"/>",
                ws -> {
                    keysGenerated.incrementAndGet();
                    return new SpKeys("sp-signing-cert", "sealed-1", "sp-encryption-cert", "sealed-2");
                },
                pem -> {
                    String[] parts = pem.replace("-----BEGIN CERTIFICATE-----", "").split(":");
                    if (parts.length != 2) {
                        return Optional.empty();
                    }
                    return Optional.of(new CertificateInfo(pem, "CN=" + parts[0],
                            accounts.clock.instant().plus(Duration.ofDays(Long.parseLong(parts[1]))), "AA:BB"));
                },
                accounts.audit, new InMemorySsoEvents(), accounts.domainClaims, accounts.domains, accounts.transactions,
                new FakeSecretSealer(), PublicUrl.parse("https://login.example.com"),
                accounts.clock);
        owner = user("owner", "Acme");
        workspace = accounts.workspaces.workspacesOf(owner.id()).get(0).workspace();
        member = user("member", null);
        outsider = user("outsider", null);
        accounts.join(owner.id(), workspace.id(), member, Role.MEMBER);
    }

    @Test
    void metadataImportFillsTheIdpAndTheFirstSaveMakesSpKeysOnce() {
        SsoView first = (SsoView) sso.save(owner.id(), workspace.id(), settings("<md/>", null, List.of("Acme.COM")));
        SsoView second = (SsoView) sso.save(owner.id(), workspace.id(), settings("<md/>", null, List.of("acme.com")));

        assertThat(first.configuration().idpEntityId()).isEqualTo("https://idp.example/entity");
        assertThat(first.configuration().emailDomains()).containsExactly("acme.com");
        assertThat(first.sp().acsUrl()).isEqualTo("https://login.example.com/api/v1/auth/saml2/login/" + workspace.id());
        assertThat(keysGenerated).hasValue(1);
        assertThat(second.configuration().spKeys()).isEqualTo(first.configuration().spKeys());
        assertThat(second.configuration().createdAt()).isEqualTo(first.configuration().createdAt());
        assertThat(accounts.audit.events()).extracting(e -> e.action()).endsWith("sso.created", "sso.replaced");
    }

    @Test
    void onlyAdminsMayTouchSsoAndOutsidersLearnNothing() {
        assertThat(code(sso.save(member.id(), workspace.id(), settings("<md/>", null, List.of())))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(sso.get(outsider.id(), workspace.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(sso.update(owner.id(), workspace.id(), settings(null, null, null)))).isEqualTo(ErrorCode.SSO_NOT_CONFIGURED);
        assertThat(keysGenerated).hasValue(0);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsStored() {
        SsoSettings bad = new SsoSettings(null, null, " ", "ftp://idp.example", List.of("garbage", EXPIRED),
                List.of("gmail.com", "co.uk", "-bad-.com"), null, null, null, null, Role.OWNER, null, null, null);

        SsoRejected rejected = (SsoRejected) sso.save(owner.id(), workspace.id(), bad);

        assertThat(rejected.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(rejected.fields()).extracting(FieldProblem::field, FieldProblem::index).containsExactly(
                tuple(SsoField.IDP_ENTITY_ID, null), tuple(SsoField.IDP_SSO_URL, null), tuple(SsoField.IDP_CERTIFICATES, 0),
                tuple(SsoField.IDP_CERTIFICATES, 1), tuple(SsoField.EMAIL_DOMAINS, 0), tuple(SsoField.EMAIL_DOMAINS, 1),
                tuple(SsoField.EMAIL_DOMAINS, 2), tuple(SsoField.DEFAULT_ROLE, null));
        assertThat(configurations.isEmpty()).isTrue();
        assertThat(keysGenerated).hasValue(0);
    }

    @Test
    void namingADomainClaimsItPendingAndAnotherWorkspacesPendingClaimDoesNotBlockIt() {
        User other = user("other", "Other");
        Workspace otherWorkspace = accounts.workspaces.workspacesOf(other.id()).get(0).workspace();
        sso.save(other.id(), otherWorkspace.id(), settings("<md/>", null, List.of("contested.com")));

        assertThat(sso.save(owner.id(), workspace.id(), settings("<md/>", null, List.of("contested.com")))).isInstanceOf(SsoView.class);

        assertThat(accounts.domainClaims.find(workspace.id(), "contested.com")).hasValueSatisfying(claim ->
                assertThat(claim.status()).isEqualTo(DomainClaim.Status.PENDING));
        assertThat(accounts.domainClaims.find(otherWorkspace.id(), "contested.com")).isPresent();
        assertThat(configurations.findByVerifiedDomain("contested.com")).as("no effect before verification").isEmpty();
        assertThat(accounts.audit.events()).extracting(e -> e.action()).contains("domain.claimed");
    }

    @Test
    void aDomainVerifiedByAnotherWorkspaceIsRefused() {
        User other = user("other", "Other");
        Workspace otherWorkspace = accounts.workspaces.workspacesOf(other.id()).get(0).workspace();
        accounts.domainClaims.claim(otherWorkspace.id(), "contested.com", "c", accounts.clock.instant());
        accounts.domainClaims.markVerified(otherWorkspace.id(), "contested.com", DomainClaim.VerificationMethod.DNS_TXT,
                accounts.clock.instant());

        assertThat(code(sso.save(owner.id(), workspace.id(), settings("<md/>", null, List.of("free.com", "contested.com")))))
                .isEqualTo(ErrorCode.DOMAIN_TAKEN);
        assertThat(accounts.domainClaims.find(workspace.id(), "free.com")).as("nothing stored").isEmpty();
    }

    @Test
    void patchKeepsWhatIsNotGivenAndDeleteEndsIt() {
        sso.save(owner.id(), workspace.id(), settings("<md/>", null, List.of("acme.com")));

        SsoView patched = (SsoView) sso.update(owner.id(), workspace.id(), new SsoSettings(true, null, null, null, null, null,
                null, null, null, false, Role.ADMIN, true, null, null));

        assertThat(patched.configuration().enabled()).isTrue();
        assertThat(patched.configuration().jitProvisioning()).isFalse();
        assertThat(patched.configuration().enforceSso()).isTrue();
        assertThat(patched.configuration().emailDomains()).containsExactly("acme.com");
        assertThat(sso.delete(owner.id(), workspace.id())).isInstanceOf(io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoDeleted.class);
        assertThat(code(sso.get(owner.id(), workspace.id()))).isEqualTo(ErrorCode.SSO_NOT_CONFIGURED);
        assertThat(sso.serviceProviderMetadata(workspace.id())).isEmpty();
    }

    @Test
    void anOpenIdConnectionNeedsIssuerClientAndSecretButNoSamlField() {
        SsoRejected rejected = (SsoRejected) sso.save(owner.id(), workspace.id(), oidc(null, null, null, List.of("email")));

        assertThat(rejected.fields()).extracting(FieldProblem::field).containsExactly(SsoField.OIDC_ISSUER, SsoField.OIDC_CLIENT_ID,
                SsoField.OIDC_CLIENT_SECRET, SsoField.OIDC_SCOPES);
        assertThat(code(sso.save(owner.id(), workspace.id(), oidc("http://idp.example", "c", "s", null)))).as("http off loopback")
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(code(sso.save(owner.id(), workspace.id(), oidc("https://idp.example?x=1", "c", "s", null)))).as("a query")
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(code(sso.save(owner.id(), workspace.id(), oidc("https://idp.example", "c", "s", List.of("openid", "a\"b")))))
                .as("a scope that is no scope-token").isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(configurations.isEmpty()).isTrue();
    }

    @Test
    void theClientSecretIsSealedToItsWorkspaceAndKeptWhenNotGivenAgain() {
        SsoView saved = (SsoView) sso.save(owner.id(), workspace.id(), oidc("https://idp.example/tenant", "client-1", "s3cret", null));

        OidcConnection connection = saved.configuration().oidc();
        assertThat(saved.configuration().protocol()).isEqualTo(SsoProtocol.OIDC);
        assertThat(saved.configuration().providerName()).isEqualTo("oidc:" + workspace.id());
        assertThat(connection.scopes()).containsExactly("openid", "email", "profile");
        assertThat(connection.sealedClientSecret()).doesNotContain("s3cret");
        assertThat(new FakeSecretSealer().open(connection.sealedClientSecret(), "oidc-client-secret:" + workspace.id())).isEqualTo("s3cret");
        assertThat(accounts.audit.events().get(accounts.audit.events().size() - 1).detail()).contains("oidc_issuer=https://idp.example/tenant")
                .doesNotContain("s3cret");

        SsoView patched = (SsoView) sso.update(owner.id(), workspace.id(), oidc(null, "client-2", null, null));
        assertThat(patched.configuration().oidc().clientId()).isEqualTo("client-2");
        assertThat(patched.configuration().oidc().sealedClientSecret()).isEqualTo(connection.sealedClientSecret());

        SsoView backToSaml = (SsoView) sso.update(owner.id(), workspace.id(), new SsoSettings(null, "<md/>", null, null, null, null, null,
                null, null, null, null, null, null, null, new OidcSettings(SsoProtocol.SAML, null, null, null, null)));
        assertThat(backToSaml.configuration().providerName()).isEqualTo("saml:" + workspace.id());
        assertThat(backToSaml.configuration().oidc()).as("kept for switching back").isEqualTo(patched.configuration().oidc());
    }

    private static SsoSettings oidc(String issuer, String clientId, String secret, List<String> scopes) {
        return new SsoSettings(null, null, null, null, null, List.of("acme.com"), null, null, null, null, null, null, null, null,
                new OidcSettings(SsoProtocol.OIDC, issuer, clientId, secret, scopes));
    }

    private SsoSettings settings(String metadata, List<String> certificates, List<String> domains) {
        return new SsoSettings(null, metadata, null, null, certificates, domains, null, null, null, null, null, null, null, null);
    }

    private User user(String name, String workspaceName) {
        return ((SignedUp) accounts.signUp.signUp(new SignUpCommand(name + "@example.com", "correct horse battery", null, workspaceName)))
                .user();
    }

    private static ErrorCode code(SsoOutcome outcome) {
        assertThat(outcome).isInstanceOf(SsoRejected.class);
        return ((SsoRejected) outcome).code();
    }
}
