package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.PasswordPolicy;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.ThrottlePolicy;
import io.gatehouse.domain.port.in.AccountUseCase;
import io.gatehouse.domain.port.in.AdministerUsersUseCase;
import io.gatehouse.domain.port.in.AuthenticateSessionUseCase;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase;
import io.gatehouse.domain.port.in.SignUpUseCase;
import io.gatehouse.domain.port.in.WorkspaceUseCase;
import io.gatehouse.domain.port.out.ApiTokens;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.gatehouse.domain.port.out.LoginFailures;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.gatehouse.domain.port.out.Profiles;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.gatehouse.domain.service.AccountService;
import io.gatehouse.domain.service.EmailOwnershipService;
import io.gatehouse.domain.service.InstanceAdminBootstrap;
import io.gatehouse.domain.service.LoginThrottle;
import io.gatehouse.domain.service.PasswordAuthenticator;
import io.gatehouse.domain.service.PasswordLoginService;
import io.gatehouse.domain.service.SessionAuthenticationService;
import io.gatehouse.domain.service.SessionIssuer;
import io.gatehouse.domain.service.SessionManagementService;
import io.gatehouse.domain.service.SignUpService;
import io.gatehouse.domain.service.SsoEnforcement;
import io.gatehouse.domain.service.UserAdministrationService;
import io.gatehouse.domain.service.WorkspaceService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Accounts, password login, browser sessions and workspaces. */
@Factory
class AccountServicesFactory {

    @Singleton
    LoginThrottle loginThrottle(LoginFailures failures, ThrottlePolicy policy, Clock clock) {
        return new LoginThrottle(failures, policy, clock);
    }

    @Singleton
    PasswordAuthenticator passwordAuthenticator(Users users, PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle,
                                                SsoConfigurations ssoConfigurations, Memberships memberships) {
        return new PasswordAuthenticator(users, hasher, policy, throttle, new SsoEnforcement(ssoConfigurations, memberships));
    }

    @Singleton
    SessionIssuer sessionIssuer(Sessions sessions, Users users, SessionPolicy policy, SecureRandom random, Clock clock) {
        return new SessionIssuer(sessions, users, policy, random, clock);
    }

    @Singleton
    SignUpUseCase signUp(Users users, Workspaces workspaces, Memberships memberships, PasswordHasher hasher,
                         PasswordPolicy policy, AuditLog audit, EmailOwnershipService emailOwnership, Transactions transactions,
                         Clock clock) {
        return new SignUpService(users, workspaces, memberships, hasher, policy, audit, emailOwnership, transactions, clock);
    }

    @Singleton
    PasswordLoginUseCase passwordLogin(PasswordAuthenticator authenticator, SessionIssuer issuer, LoginMetrics logins,
                                       TokenMetrics tokens) {
        return new MeteredPasswordLogin(new PasswordLoginService(authenticator, issuer), logins, tokens);
    }

    @Singleton
    AuthenticateSessionUseCase authenticateSession(Sessions sessions, Users users, SessionPolicy policy, Clock clock) {
        return new SessionAuthenticationService(sessions, users, policy, clock);
    }

    @Singleton
    ManageSessionsUseCase manageSessions(Sessions sessions, Users users, SessionPolicy policy, TokenMetrics tokens, Clock clock) {
        return new MeteredSessions(new SessionManagementService(sessions, users, policy, clock), tokens);
    }

    @Singleton
    AccountUseCase accounts(Users users, Profiles profiles, Sessions sessions, PasswordAuthenticator authenticator,
                            PasswordHasher hasher, PasswordPolicy policy, Transactions transactions, Clock clock) {
        return new AccountService(users, profiles, sessions, authenticator, hasher, policy, transactions, clock);
    }

    @Singleton
    CheckCredentialsUseCase checkCredentials(PasswordAuthenticator authenticator) {
        return authenticator;
    }

    @Singleton
    AdministerUsersUseCase administerUsers(Users users, Sessions sessions, ApiTokens apiTokens, DeveloperApiKeys developerApiKeys,
                                           Transactions transactions, Clock clock) {
        return new UserAdministrationService(users, sessions, apiTokens, developerApiKeys, transactions, clock);
    }

    @Singleton
    WorkspaceUseCase workspaces(Workspaces workspaces, Memberships memberships, AuditLog audit, Transactions transactions, Clock clock) {
        return new WorkspaceService(workspaces, memberships, audit, transactions, clock);
    }

    @Singleton
    InstanceAdminBootstrap instanceAdminBootstrap(Users users, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        return new InstanceAdminBootstrap(users, hasher, policy, clock);
    }
}
