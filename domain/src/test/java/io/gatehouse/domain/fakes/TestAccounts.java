package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.Profiles;

import io.gatehouse.domain.model.AccountMailPolicy;
import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.ThrottlePolicy;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.service.AccountMessages;
import io.gatehouse.domain.service.AccountService;
import io.gatehouse.domain.service.AttemptLimiter;
import io.gatehouse.domain.service.EmailOwnershipService;
import io.gatehouse.domain.service.InvitationService;
import io.gatehouse.domain.service.UnverifiedAccountTakeover;
import io.gatehouse.domain.service.ApiTokenService;
import io.gatehouse.domain.service.DeveloperApiAccessService;
import io.gatehouse.domain.service.DomainOwnershipService;
import io.gatehouse.domain.service.LoginThrottle;
import io.gatehouse.domain.service.PasswordAuthenticator;
import io.gatehouse.domain.service.SessionAuthenticationService;
import io.gatehouse.domain.service.SessionIssuer;
import io.gatehouse.domain.service.SessionManagementService;
import io.gatehouse.domain.service.SignUpService;
import io.gatehouse.domain.service.SsoEnforcement;
import io.gatehouse.domain.service.TokenService;
import io.gatehouse.domain.service.UserAdministrationService;
import io.gatehouse.domain.service.WorkspaceService;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** The account services wired over in-memory fakes, with the fakes exposed for assertions. */
public final class TestAccounts {

    public static final SessionPolicy SESSIONS = new SessionPolicy(Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(1));
    public static final ThrottlePolicy THROTTLE = new ThrottlePolicy(3, 5, Duration.ofMinutes(15));
    public static final ClientInfo HOME = new ClientInfo("192.0.2.10", "JUnit");
    public static final ClientInfo ELSEWHERE = new ClientInfo("198.51.100.20", "JUnit");

    public final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));
    public final InMemoryUsers users = new InMemoryUsers();
    public final InMemorySessions sessions = new InMemorySessions(users);
    public final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    public final InMemoryWorkspaces workspaces = new InMemoryWorkspaces(users);
    public final CountingPasswordHasher hasher = new CountingPasswordHasher();
    public final DirectTransactions transactions = new DirectTransactions();
    public final LoginThrottle throttle = new LoginThrottle(failures, THROTTLE, clock);
    public final InMemoryDomainClaims domainClaims = new InMemoryDomainClaims();
    public final InMemorySsoConfigurations ssoConfigurations = new InMemorySsoConfigurations(domainClaims);
    public final PasswordAuthenticator authenticator = new PasswordAuthenticator(users, hasher, PasswordPolicy.DEFAULT, throttle,
            new SsoEnforcement(ssoConfigurations, workspaces));
    public final SessionIssuer issuer = new SessionIssuer(sessions, users, SESSIONS, new SecureRandom(), clock);
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public static final AccountMailPolicy MAIL = new AccountMailPolicy(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofDays(7),
            3, 3, 10, Duration.ofHours(1));
    public final InMemoryEmailTokens emailTokens = new InMemoryEmailTokens();
    public final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    public final InMemoryClientAttempts attempts = new InMemoryClientAttempts();
    public final AttemptLimiter limiter = new AttemptLimiter(attempts, clock);
    public final AccountMessages messages = new AccountMessages(PublicUrl.parse("https://login.example.com"));
    /** Background work runs at once here, so a test sees its effects when the call returns. */
    public final EmailOwnershipService emailOwnership = new EmailOwnershipService(users, emailTokens, outbox, messages, sessions, hasher,
            PasswordPolicy.DEFAULT, limiter, Runnable::run, transactions, MAIL, new SecureRandom(), clock);
    public final SignUpService signUp = new SignUpService(users, workspaces, workspaces, hasher, PasswordPolicy.DEFAULT,
            audit, emailOwnership, transactions, clock);
    public final SessionAuthenticationService sessionAuthentication = new SessionAuthenticationService(sessions, users, SESSIONS, clock);
    public final SessionManagementService sessionManagement = new SessionManagementService(sessions, users, SESSIONS, clock);
    public final AccountService accounts = new AccountService(users, id -> users.findById(id)
            .map(user -> new Profiles.UserWithWorkspaces(user, workspaces.workspacesOf(id))), sessions, authenticator, hasher,
            PasswordPolicy.DEFAULT, transactions, clock);
    public final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    public final FakeAccessTokenSigner signer = new FakeAccessTokenSigner(clock);
    public final TokenService tokens = new TokenService(authenticator, issuer, sessions, refreshTokens, signer,
            new TokenPolicy("http://gatehouse.test", "gatehouse", Duration.ofMinutes(15), Duration.ofSeconds(30)), SESSIONS, transactions, new SecureRandom(), clock);
    public final WorkspaceService workspaceService = new WorkspaceService(workspaces, workspaces, audit, transactions, clock);
    public final InMemoryInvitations invitations = new InMemoryInvitations(workspaces, users);
    public final InvitationService invitationService = new InvitationService(invitations, workspaces, workspaces, users, outbox, messages,
            audit, transactions, MAIL, clock);
    public final InMemoryApiTokens apiTokens = new InMemoryApiTokens();
    public final InMemoryDeveloperApiKeys developerApiKeys = new InMemoryDeveloperApiKeys();
    public final UnverifiedAccountTakeover takeover = new UnverifiedAccountTakeover(users, sessions, apiTokens, developerApiKeys, emailTokens,
            clock);
    public final UserAdministrationService administration = new UserAdministrationService(users, sessions, apiTokens,
            developerApiKeys, transactions, clock);
    public final ApiTokenService apiTokenService = new ApiTokenService(apiTokens, users, workspaces, transactions,
            new SecureRandom(), clock);
    public final FakeDns dns = new FakeDns();
    public final DomainOwnershipService domains = new DomainOwnershipService(domainClaims, dns, workspaces, users, workspaces, audit,
            new SecureRandom(), clock);
    public final DeveloperApiAccessService developerAccess = new DeveloperApiAccessService(developerApiKeys, users, throttle,
            issuer, tokens, new SecureRandom(), clock);

    /** The invitation way in: {@code inviter} invites the address, its owner (with a verified email) accepts. */
    public void join(io.gatehouse.domain.model.UserId inviter, io.gatehouse.domain.model.WorkspaceId workspace,
                     io.gatehouse.domain.model.User invitee, io.gatehouse.domain.model.Role role) {
        var invited = invitationService.invite(inviter, workspace, invitee.email().value(), role);
        if (!(invited instanceof io.gatehouse.domain.port.in.InvitationUseCase.Invited done)) {
            throw new AssertionError("invitation refused: " + invited);
        }
        users.markEmailVerified(invitee.id());
        var joined = invitationService.accept(invitee.id(), done.invitation().id());
        if (!(joined instanceof io.gatehouse.domain.port.in.InvitationUseCase.Joined)) {
            throw new AssertionError("acceptance refused: " + joined);
        }
    }

    /**
     * What a request carrying this access token gets: a verifier accepts the token (here: one the fake
     * signer issued, not expired) and the domain still honours its family.
     */
    public boolean honoursAccessToken(String token) {
        return signer.unexpiredClaimsOf(token).filter(claims -> tokens.isFamilyLive(claims.subject(), claims.sessionId())).isPresent();
    }
}
