package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.InMemoryClientAttempts;
import io.gatehouse.domain.fakes.InMemorySamlState;
import io.gatehouse.domain.fakes.InMemorySsoEvents;
import io.gatehouse.domain.fakes.RollingBackTransactions;
import io.gatehouse.domain.fakes.TestAccounts;
import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoLimits;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.AcsOutcome;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.IdentityLinked;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.LinkConfirmationRequired;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.SamlLoggedIn;
import io.gatehouse.domain.port.in.SignUpUseCase.SignUpCommand;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.out.SamlResponseReader;
import io.gatehouse.domain.port.out.Transactions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ACS's decisions once the XML is verified: correlation, replay, domains, and login / JIT / link / confirm. */
class AssertionConsumerTest {

    private static final String PASSWORD = "correct horse battery";
    private final TestAccounts accounts = new TestAccounts();
    private final InMemorySamlState state = new InMemorySamlState(accounts.users);
    private final InMemorySsoEvents events = new InMemorySsoEvents();
    private final AtomicReference<SamlAssertion> verified = new AtomicReference<>();
    private final SamlPolicy policy = new SamlPolicy(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofSeconds(60),
            Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofHours(24));
    private final InMemoryClientAttempts attempts = new InMemoryClientAttempts();
    private final SsoLimits limits = new SsoLimits(100, 5, Duration.ofMinutes(5), 100, Duration.ofMinutes(10));
    private AssertionConsumer consumer;
    private WorkspaceId workspace;

    /** The ACS as the wiring builds it, over the in-memory state, with this reader and these transactions. */
    private AssertionConsumer consumer(SamlResponseReader reader, Transactions transactions) {
        IdentityLinker linker = new IdentityLinker(state, accounts.workspaces, accounts.users, accounts.clock);
        return new AssertionConsumer(accounts.ssoConfigurations, reader, new ResponseCorrelation(state, state, policy, accounts.clock),
                new FederatedLogin(state, accounts.users, linker, accounts.issuer, state, accounts.takeover, events, policy, new SecureRandom(),
                        accounts.clock),
                events, new SsoAttemptGuard(new AttemptLimiter(attempts, accounts.clock), state, events, limits, accounts.clock),
                transactions, PublicUrl.parse("https://sso.example.com"), policy, accounts.clock);
    }

    @BeforeEach
    void setUp() {
        consumer = consumer((encoded, expected) -> {
            if (verified.get() == null) {
                throw new SsoRejection(ErrorCode.SAML_SIGNATURE_MISSING, "test: unsigned");
            }
            return verified.get();
        }, accounts.transactions);
        accounts.signUp.signUp(new SignUpCommand("owner@corp.example", PASSWORD, null, "Corp"));
        User owner = accounts.users.findByEmail(new Email("owner@corp.example")).orElseThrow();
        workspace = accounts.workspaces.workspacesOf(owner.id()).get(0).workspace().id();
        configure(true, true);
        accounts.domainClaims.claim(workspace, "corp.example", "challenge", accounts.clock.instant());
        accounts.domainClaims.markVerified(workspace, "corp.example", DomainClaim.VerificationMethod.DNS_TXT, accounts.clock.instant());
    }

    @Test
    void anUnknownEmailIsProvisionedJustInTimeAndLoggedIn() {
        AcsOutcome outcome = post(assertion("_a1", "ann@corp.example", null), null);

        SamlLoggedIn in = (SamlLoggedIn) outcome;
        assertThat(in.user().hasPassword()).isFalse();
        assertThat(accounts.workspaces.roleOf(workspace, in.user().id())).contains(Role.MEMBER);
        assertThat(state.ofUser(in.user().id())).singleElement().satisfies(link -> assertThat(link.externalId()).isEqualTo("ann@corp.example"));
        assertThat(accounts.sessions.listUnrevoked(in.user().id(), accounts.clock.instant())).singleElement()
                .satisfies(session -> assertThat(session.authMethod()).isEqualTo(AuthMethod.SAML));
        assertThat(events.recent(workspace, 1)).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(SsoEvent.Outcome.SUCCESS));
    }

    @Test
    void anExistingVerifiedUnlinkedAccountIsNeverLoggedInSilently() {
        accounts.signUp.signUp(new SignUpCommand("bo@corp.example", PASSWORD, null, null));
        accounts.users.markEmailVerified(accounts.users.findByEmail(new Email("bo@corp.example")).orElseThrow().id());

        AcsOutcome outcome = post(assertion("_a2", "bo@corp.example", null), null);

        assertThat(outcome).isInstanceOf(LinkConfirmationRequired.class);
        User bo = accounts.users.findByEmail(new Email("bo@corp.example")).orElseThrow();
        assertThat(accounts.sessions.listUnrevoked(bo.id(), accounts.clock.instant())).isEmpty();
        assertThat(state.ofUser(bo.id())).isEmpty();
    }

    @Test
    void aSquattersUnverifiedAccountIsTakenByTheMailboxOwnerAndEverythingTheSquatterHeldIsRevoked() {
        accounts.signUp.signUp(new SignUpCommand("ceo@corp.example", PASSWORD, null, null));
        User squatted = accounts.users.findByEmail(new Email("ceo@corp.example")).orElseThrow();
        var squatterSession = accounts.issuer.open(squatted, AuthMethod.PASSWORD, TestAccounts.HOME);
        accounts.apiTokenService.create(squatted.id(), "squatter's script", null, java.util.Optional.empty());
        accounts.developerAccess.generate(squatted.id());

        SamlLoggedIn in = (SamlLoggedIn) post(assertion("_t1", "ceo@corp.example", null), null);

        assertThat(in.user().id()).isEqualTo(squatted.id());
        User owned = accounts.users.findById(squatted.id()).orElseThrow();
        assertThat(owned.hasPassword()).as("the squatter's password is gone").isFalse();
        assertThat(owned.emailVerified()).isTrue();
        assertThat(accounts.authenticator.check("ceo@corp.example", PASSWORD, TestAccounts.HOME))
                .isInstanceOf(io.gatehouse.domain.port.in.AuthenticationFailure.InvalidCredentials.class);
        assertThat(accounts.sessions.listUnrevoked(squatted.id(), accounts.clock.instant())).singleElement()
                .satisfies(session -> {
                    assertThat(session.id()).isNotEqualTo(squatterSession.session().id());
                    assertThat(session.authMethod()).isEqualTo(AuthMethod.SAML);
                });
        assertThat(accounts.apiTokens.listByIssuer(squatted.id())).isNotEmpty().allSatisfy(token -> assertThat(token.enabled()).isFalse());
        assertThat(accounts.developerApiKeys.findByUser(squatted.id())).isEmpty();
        assertThat(state.ofUser(squatted.id())).hasSize(1);
        assertThat(events.recent(workspace, 5)).anySatisfy(e -> assertThat(e.detail()).contains("had never verified its email"));
    }

    @Test
    void aJustInTimeAccountOfAVerifiedDomainStartsVerified() {
        SamlLoggedIn in = (SamlLoggedIn) post(assertion("_v1", "new@corp.example", null), null);

        assertThat(in.user().emailVerified()).isTrue();
        assertThat(accounts.users.findById(in.user().id()).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void withoutJitAnUnknownEmailIsRefused() {
        configure(true, false);

        assertThat(code(post(assertion("_a3", "cy@corp.example", null), null))).isEqualTo(ErrorCode.SAML_USER_NOT_PROVISIONED);
    }

    @Test
    void anAssertionIdIsAcceptedOnce() {
        SamlAssertion once = assertion("_same", "di@corp.example", null);
        assertThat(post(once, null)).isInstanceOf(SamlLoggedIn.class);

        assertThat(code(post(once, null))).isEqualTo(ErrorCode.SAML_REPLAYED);
    }

    @Test
    void aSolicitedResponseMustAnswerAnOutstandingRequestOfThisWorkspaceWithItsRelayState() {
        state.insert(new PendingSamlRequest("id-1", workspace, "relay-1", null, "web", "st", "/home", accounts.clock.instant(), accounts.clock.instant().plusSeconds(60)));
        state.insert(new PendingSamlRequest("id-2", WorkspaceId.random(), "relay-2", null, null, null, null,
                accounts.clock.instant(), accounts.clock.instant().plusSeconds(60)));
        state.insert(new PendingSamlRequest("id-3", workspace, "relay-3", null, null, null, null, accounts.clock.instant(), accounts.clock.instant().plusSeconds(60)));

        assertThat(code(post(assertion("_b1", "ed@corp.example", "id-unknown"), null))).isEqualTo(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN);
        assertThat(code(post(assertion("_b2", "ed@corp.example", "id-2"), "relay-2"))).isEqualTo(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN);
        assertThat(code(post(assertion("_b3", "ed@corp.example", "id-3"), "forged"))).isEqualTo(ErrorCode.SAML_RELAY_STATE_MISMATCH);
        SamlLoggedIn in = (SamlLoggedIn) post(assertion("_b4", "ed@corp.example", "id-1"), "relay-1");
        assertThat(in.state()).isEqualTo("st");
        assertThat(in.redirect()).isEqualTo("/home");
        assertThat(code(post(assertion("_b5", "ed@corp.example", "id-1"), "relay-1"))).isEqualTo(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN);
    }

    @Test
    void anExpiredRequestIsUnknown() {
        state.insert(new PendingSamlRequest("id-old", workspace, "r", null, null, null, null, accounts.clock.instant(), accounts.clock.instant().plusSeconds(30)));
        accounts.clock.advance(Duration.ofMinutes(1));

        assertThat(code(post(assertion("_c1", "fa@corp.example", "id-old"), "r"))).isEqualTo(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN);
    }

    @Test
    void unsolicitedResponsesNeedTheWorkspacesPermission() {
        configure(false, true);

        assertThat(code(post(assertion("_d1", "gu@corp.example", null), null))).isEqualTo(ErrorCode.SAML_UNSOLICITED_NOT_ALLOWED);
    }

    @Test
    void anIdpCanOnlyVouchForItsOwnDomains() {
        assertThat(code(post(assertion("_e1", "owner@elsewhere.example", null), null))).isEqualTo(ErrorCode.SAML_EMAIL_DOMAIN_NOT_ALLOWED);
        assertThat(events.recent(workspace, 1)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("saml_email_domain_not_allowed");
            assertThat(e.email()).isEqualTo("owner@elsewhere.example");
        });
    }

    @Test
    void aDomainClaimedButNotVerifiedIsRefusedAndExplained() {
        configure(true, true, true, List.of("corp.example", "pending.example"));
        accounts.domainClaims.claim(workspace, "pending.example", "challenge", accounts.clock.instant());

        assertThat(code(post(assertion("_e2", "boss@pending.example", null), null))).isEqualTo(ErrorCode.DOMAIN_NOT_VERIFIED);
        assertThat(accounts.users.findByEmail(new Email("boss@pending.example"))).as("no JIT account").isEmpty();
        assertThat(events.recent(workspace, 1)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("domain_not_verified");
            assertThat(e.detail()).contains("pending.example").contains("not verified");
        });
    }

    @Test
    void nothingOfARefusedResponseStaysWhenTheTransactionRollsBack() {
        AssertionConsumer rollingBack = consumer((encoded, expected) -> verified.get(), new RollingBackTransactions(state, accounts.users));
        configure(false, true, true, List.of("corp.example", "late.example"));
        accounts.domainClaims.claim(workspace, "late.example", "challenge", accounts.clock.instant());
        state.insert(new PendingSamlRequest("id-rb", workspace, "r", null, null, null, null, accounts.clock.instant(),
                accounts.clock.instant().plusSeconds(600)));
        SamlAssertion answer = assertion("_rb1", "new@late.example", "id-rb");
        verified.set(answer);

        // The request is taken and the assertion id recorded before the domain check refuses: both must come back.
        AcsOutcome refused = rollingBack.consume(workspace, "ignored", "r", TestAccounts.HOME);

        assertThat(code(refused)).isEqualTo(ErrorCode.DOMAIN_NOT_VERIFIED);
        assertThat(accounts.users.findByEmail(new Email("new@late.example"))).isEmpty();
        accounts.domainClaims.markVerified(workspace, "late.example", DomainClaim.VerificationMethod.DNS_TXT, accounts.clock.instant());
        assertThat(rollingBack.consume(workspace, "ignored", "r", TestAccounts.HOME))
                .as("the same response once the domain is verified: its request still outstanding, its id never used")
                .isInstanceOf(SamlLoggedIn.class);
    }

    @Test
    void aDomainVerifiedByAnotherWorkspaceIsNotThisIdpsToVouchFor() {
        WorkspaceId owner = WorkspaceId.random();
        configure(true, true, true, List.of("corp.example", "victim.example"));
        accounts.domainClaims.claim(workspace, "victim.example", "mine", accounts.clock.instant());
        accounts.domainClaims.claim(owner, "victim.example", "theirs", accounts.clock.instant());
        accounts.domainClaims.markVerified(owner, "victim.example", DomainClaim.VerificationMethod.DNS_TXT, accounts.clock.instant());

        assertThat(code(post(assertion("_e3", "ceo@victim.example", null), null))).isEqualTo(ErrorCode.DOMAIN_NOT_VERIFIED);
    }

    @Test
    void aLinkRequestLinksTheCallerInsteadOfLoggingIn() {
        accounts.signUp.signUp(new SignUpCommand("hal@other.example", PASSWORD, null, null));
        User hal = accounts.users.findByEmail(new Email("hal@other.example")).orElseThrow();
        state.insert(new PendingSamlRequest("id-link", workspace, "r", hal.id(), null, null, null, accounts.clock.instant(), accounts.clock.instant().plusSeconds(60)));

        AcsOutcome outcome = post(assertion("_f1", "hal@corp.example", "id-link"), "r");

        assertThat(((IdentityLinked) outcome).user().id()).isEqualTo(hal.id());
        assertThat(state.ofUser(hal.id())).hasSize(1);
        assertThat(accounts.sessions.listUnrevoked(hal.id(), accounts.clock.instant())).isEmpty();
    }

    @Test
    void aDisabledConfigurationStopsLoginsAndRecordsNothing() {
        configure(true, true, false);

        assertThat(code(post(assertion("_g1", "ian@corp.example", null), null))).isEqualTo(ErrorCode.SSO_NOT_CONFIGURED);
        assertThat(events.recent(workspace, 10)).isEmpty();
    }

    @Test
    void aResponseIssuedBeforeItsRequestWasSentIsStale() {
        state.insert(new PendingSamlRequest("id-new", workspace, "r", null, null, null, null, accounts.clock.instant(),
                accounts.clock.instant().plusSeconds(600)));
        state.insert(new PendingSamlRequest("id-next", workspace, "r", null, null, null, null, accounts.clock.instant(),
                accounts.clock.instant().plusSeconds(600)));
        accounts.clock.advance(Duration.ofSeconds(30));

        assertThat(code(post(issuedAt("_h1", "jo@corp.example", "id-new", accounts.clock.instant().minusSeconds(120)), "r")))
                .isEqualTo(ErrorCode.SAML_EXPIRED);
        assertThat(events.recent(workspace, 1)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("IssueInstant").contains("90 s before AuthnRequest 'id-new' was sent"));
        // Within the skew of the request's creation is fine (the IdP's clock may run a little behind ours).
        assertThat(post(issuedAt("_h2", "jo@corp.example", "id-next", accounts.clock.instant().minusSeconds(80)), "r"))
                .isInstanceOf(SamlLoggedIn.class);
    }

    @Test
    void repeatedIdenticalRefusalsAreFoldedIntoOneEventWithACount() {
        configure(false, true);
        post(assertion("_i1", "kim@corp.example", null), null);
        accounts.clock.advance(Duration.ofSeconds(5));
        post(assertion("_i2", "kim@corp.example", null), null);
        post(assertion("_i3", "lee@corp.example", null), null);

        List<SsoEvent> recent = events.recent(workspace, 10);
        assertThat(recent).hasSize(2);
        assertThat(recent).filteredOn(e -> "kim@corp.example".equals(e.email())).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.firstAt()).isEqualTo(e.at().minusSeconds(5));
        });
    }

    @Test
    void aClientWithTooManyRefusedPostsIsThrottledBeforeAnyWorkWhileOthersAreNot() {
        configure(false, true);
        for (int i = 0; i < limits.maxFailuresPerIp(); i++) {
            assertThat(code(post(assertion("_j" + i, "max@corp.example", null), null))).isEqualTo(ErrorCode.SAML_UNSOLICITED_NOT_ALLOWED);
        }
        configure(true, true);
        verified.set(assertion("_j-ok", "max@corp.example", null));

        AcsOutcome throttled = consumer.consume(workspace, "ignored", null, TestAccounts.HOME);
        assertThat(throttled).isInstanceOfSatisfying(SsoThrottled.class, t -> {
            assertThat(t.limit()).isEqualTo(SsoThrottled.Limit.FAILURES_PER_IP);
            assertThat(t.retryAfter()).isPositive().isLessThanOrEqualTo(limits.window());
        });
        assertThat(events.recent(workspace, 10)).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(limits.maxFailuresPerIp()));
        assertThat(consumer.consume(workspace, "ignored", null, new ClientInfo("198.51.100.7", "other"))).isInstanceOf(SamlLoggedIn.class);

        accounts.clock.advance(limits.window());
        assertThat(post(assertion("_j-later", "max@corp.example", null), null)).isInstanceOf(SamlLoggedIn.class);
    }

    private AcsOutcome post(SamlAssertion assertion, String relayState) {
        verified.set(assertion);
        return consumer.consume(workspace, "ignored", relayState, TestAccounts.HOME);
    }

    private static ErrorCode code(AcsOutcome outcome) {
        assertThat(outcome).isInstanceOf(SsoRefused.class);
        return ((SsoRefused) outcome).code();
    }

    private SamlAssertion assertion(String id, String email, String inResponseTo) {
        return issuedAt(id, email, inResponseTo, accounts.clock.instant());
    }

    private SamlAssertion issuedAt(String id, String email, String inResponseTo, Instant issued) {
        return new SamlAssertion(id, "https://idp.example", email, inResponseTo, issued, issued, accounts.clock.instant().plusSeconds(300),
                Map.of("email", List.of(email)));
    }

    private void configure(boolean allowIdpInitiated, boolean jit) {
        configure(allowIdpInitiated, jit, true);
    }

    private void configure(boolean allowIdpInitiated, boolean jit, boolean enabled) {
        configure(allowIdpInitiated, jit, enabled, List.of("corp.example"));
    }

    private void configure(boolean allowIdpInitiated, boolean jit, boolean enabled, List<String> domains) {
        accounts.ssoConfigurations.upsert(new SsoConfiguration(workspace, enabled, "https://idp.example", "https://idp.example/sso",
                List.of(), domains, true, false, allowIdpInitiated, jit, Role.MEMBER, false, false,
                AttributeMapping.DEFAULT, new SpKeys("c", "k", "c", "k"), accounts.clock.instant(), accounts.clock.instant(), java.util.Set.of()));
    }
}
