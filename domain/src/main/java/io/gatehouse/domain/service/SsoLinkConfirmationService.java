package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.EnableSsoUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.util.Optional;

/**
 * Links a verified SSO identity to the existing account with the same email, once the account's
 * owner proves it with the password. Without this step an IdP could take over any account whose
 * email it asserts. The password is checked first (throttled like any login) and only then is the
 * single-use code consumed, so a typo does not burn it.
 */
public final class SsoLinkConfirmationService implements EnableSsoUseCase {

    private final LinkConfirmations confirmations;
    private final Users users;
    private final SsoConfigurations configurations;
    private final PasswordAuthenticator passwords;
    private final SessionIssuer sessions;
    private final SsoEvents events;
    private final Transactions transactions;
    private final IdentityLinker linker;
    private final Clock clock;

    public SsoLinkConfirmationService(LinkConfirmations confirmations, Users users, SsoConfigurations configurations,
                                      ExternalIdentities identities, IdentityLinker linker, PasswordAuthenticator passwords,
                                      SessionIssuer sessions, SsoEvents events, Transactions transactions, Clock clock) {
        this.confirmations = confirmations;
        this.users = users;
        this.configurations = configurations;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.transactions = transactions;
        this.linker = linker;
        this.clock = clock;
    }

    @Override
    public EnableOutcome enableSso(String confirmationCode, String basicEmail, String password, ClientInfo client) {
        if (confirmationCode == null || confirmationCode.isEmpty() || confirmationCode.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return unknownCode();
        }
        SecretToken.TokenHash hash = SecretToken.TokenHash.sha256(confirmationCode);
        Optional<LinkConfirmation> found = confirmations.find(hash);
        if (found.isEmpty()) {
            return unknownCode();
        }
        LinkConfirmation confirmation = found.get();
        if (confirmation.isExpiredAt(clock.instant())) {
            confirmations.delete(hash);
            return new SsoRefused(ErrorCode.CONFIRMATION_EXPIRED, "the confirmation code expired at " + confirmation.expiresAt()
                    + "; log in through the identity provider again");
        }
        Optional<User> user = users.findById(confirmation.userId());
        if (user.isEmpty() || (basicEmail != null && !Email.parse(basicEmail).equals(Optional.of(user.get().email())))) {
            return new AuthenticationFailure.InvalidCredentials();
        }
        User account;
        switch (passwords.verify(user.get().email().value(), password, client)) {
            case AuthenticationFailure failure -> {
                return failure;
            }
            case CredentialsValid valid -> account = valid.user();
        }
        // A workspace's IdP must still be switched on; an instance provider is the operator's, configured or not.
        boolean workspaceIdp = confirmation.workspaceId() != null;
        // ... and still speak the protocol the identity came through (saml:{wid} or oidc:{wid}).
        Optional<SsoConfiguration> configuration = workspaceIdp ? configurations.find(confirmation.workspaceId())
                .filter(SsoConfiguration::enabled).filter(config -> config.providerName().equals(confirmation.providerName())) : Optional.empty();
        if (workspaceIdp && configuration.isEmpty()) {
            return new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED, "SSO was turned off for the workspace meanwhile, or its IdP changed protocol");
        }
        AuthMethod method = SsoProtocol.ofProvider(confirmation.providerName()).map(SsoProtocol::authMethod).orElse(AuthMethod.OIDC);
        try {
            LoggedIn loggedIn = transactions.inTransaction(() -> {
                if (!confirmations.delete(hash)) {
                    throw new SsoRejection(ErrorCode.INVALID_TOKEN, "the confirmation code was used meanwhile");
                }
                User linked = workspaceIdp
                        ? linker.link(account, configuration.get(), confirmation.externalId(), confirmation.email(), confirmation.fullName())
                        : linker.linkInstanceIdentity(account, confirmation.providerName(), confirmation.externalId(), confirmation.email(),
                        confirmation.fullName());
                return sessions.open(linked, method, client);
            });
            if (workspaceIdp) {
                events.record(new SsoEvent(confirmation.workspaceId(), clock.instant(), SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                        "linked the identity to user " + account.id() + " after password confirmation", confirmation.email(), client.ip()));
            }
            return new SsoEnabled(loggedIn.user(), loggedIn.secret(), method);
        } catch (SsoRejection rejection) {
            return new SsoRefused(rejection.code(), rejection.detail());
        }
    }

    @Override
    public Optional<LinkProposal> proposal(String confirmationCode) {
        if (confirmationCode == null || confirmationCode.isEmpty() || confirmationCode.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        return confirmations.find(SecretToken.TokenHash.sha256(confirmationCode))
                .filter(confirmation -> !confirmation.isExpiredAt(clock.instant()))
                .flatMap(confirmation -> users.findById(confirmation.userId())
                        .map(user -> new LinkProposal(user.email().value(), confirmation.expiresAt())));
    }

    private static SsoRefused unknownCode() {
        return new SsoRefused(ErrorCode.INVALID_TOKEN, "unknown or already used confirmation code");
    }
}
