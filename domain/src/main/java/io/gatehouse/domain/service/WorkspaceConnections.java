package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OpenIdIdentity;
import io.gatehouse.domain.model.PendingOidcLogin;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OidcLoginUseCase.CallbackOutcome;
import io.gatehouse.domain.port.in.OidcLoginUseCase.OidcConfirmationRequired;
import io.gatehouse.domain.port.in.OidcLoginUseCase.OidcLinked;
import io.gatehouse.domain.port.in.OidcLoginUseCase.OidcLoggedIn;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.out.OpenIdProviders.Connection;
import io.gatehouse.domain.port.out.SecretSealer;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Workspaces' OpenID Connect connections ({@code oidc:{wid}}): what is a workspace's, around the protocol flow
 * {@link OidcLoginService} runs for every provider. The connection is read from the workspace's SSO configuration
 * (enabled, protocol {@code oidc}) with its client secret opened for the call; an answer counts only with a verified
 * email inside the workspace's email domains that the workspace proved it owns (the same rule as the SAML ACS), and
 * then {@link FederatedLogin} does with accounts exactly what it does for SAML (JIT with the default role, the link
 * confirmation). Every outcome lands in the workspace's {@code sso/events}, refusals through {@link SsoAttemptGuard}.
 */
public final class WorkspaceConnections {

    private final SsoConfigurations configurations;
    private final SecretSealer sealer;
    private final FederatedLogin federatedLogin;
    private final SsoEvents events;
    private final SsoAttemptGuard guard;
    private final Transactions transactions;
    private final Clock clock;

    public WorkspaceConnections(SsoConfigurations configurations, SecretSealer sealer, FederatedLogin federatedLogin, SsoEvents events,
                         SsoAttemptGuard guard, Transactions transactions, Clock clock) {
        this.configurations = configurations;
        this.sealer = sealer;
        this.federatedLogin = federatedLogin;
        this.events = events;
        this.guard = guard;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The enabled OpenID Connect configuration of the workspace a provider name such as {@code oidc:{wid}} names. */
    Optional<SsoConfiguration> configuration(String providerName) {
        return SsoProtocol.workspaceOf(providerName).flatMap(configurations::find).filter(SsoConfiguration::enabled)
                .filter(configuration -> configuration.providerName().equals(providerName));
    }

    Connection connection(SsoConfiguration configuration) {
        SsoConfiguration.OidcConnection oidc = configuration.oidc();
        return new Connection(configuration.providerName(), oidc.issuer(), oidc.clientId(),
                sealer.open(oidc.sealedClientSecret(), SecretSealer.clientSecretContext(configuration.workspaceId())), oidc.scopes());
    }

    /** A refusal of the workspace's connection: recorded in its events (and counted against the client), then returned. */
    SsoRefused refused(WorkspaceId workspace, ErrorCode code, String detail, String email, ClientInfo client) {
        guard.refused(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.FAILURE, code.code(), detail, email, client.ip()));
        return new SsoRefused(code, detail);
    }

    /** A start the connection's IdP could not take (unreachable, unsafe): the workspace's admins see why in its events. */
    void startRefused(WorkspaceId workspace, SsoRefused refused, ClientInfo caller) {
        if (caller != null) {
            refused(workspace, refused.code(), refused.detail(), null, caller);
        } else {
            events.record(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.FAILURE, refused.code().code(), refused.detail(), null, null));
        }
    }

    /** An identity the connection's provider vouched for (ID token checked): the workspace's rules, then the accounts. */
    CallbackOutcome admit(SsoConfiguration configuration, PendingOidcLogin pending, OpenIdIdentity identity, ClientInfo client) {
        WorkspaceId workspace = configuration.workspaceId();
        try {
            Email email = vouchedEmail(configuration, identity);
            return transactions.inTransaction(() -> {
                FederatedLogin.Admitted admitted = federatedLogin.admit(new FederatedLogin.Answer(configuration, identity.subject(), email,
                        identity.fullName(), pending.linkingUser(), client));
                record(workspace, admitted, email.value(), client);
                return switch (admitted) {
                    case FederatedLogin.SignedIn in -> new OidcLoggedIn(in.loggedIn().user(), in.loggedIn().secret(), pending.clientState(),
                            pending.client(), pending.redirect());
                    case FederatedLogin.Linked linked -> new OidcLinked(linked.user(), pending.redirect());
                    case FederatedLogin.ToConfirm confirm -> new OidcConfirmationRequired(confirm.confirmationCode(), confirm.expiresAt(),
                            pending.redirect());
                };
            });
        } catch (SsoRejection rejection) {
            return refused(workspace, rejection.code(), rejection.detail(), identity.email(), client);
        }
    }

    /**
     * The address the connection may speak for: one the provider verified ({@code email_verified: true}), inside the
     * workspace's email domains, and of a domain the workspace proved it owns: a connection's IdP is the tenant's to
     * configure, and must not vouch for another company's addresses.
     */
    private static Email vouchedEmail(SsoConfiguration configuration, OpenIdIdentity identity) {
        Optional<Email> email = Email.parse(identity.email());
        if (email.isEmpty() || !identity.emailVerified()) {
            throw new SsoRejection(ErrorCode.OIDC_EMAIL_NOT_VERIFIED, "the IdP's answer for '" + identity.subject() + "' "
                    + (email.isEmpty() ? "carries no email" : "does not vouch for its email (email_verified is not true)"));
        }
        String domain = email.get().domain();
        if (!configuration.emailDomains().contains(domain)) {
            throw new SsoRejection(ErrorCode.OIDC_EMAIL_DOMAIN_NOT_ALLOWED, "the email domain '" + domain
                    + "' is not one of the workspace's email domains " + configuration.emailDomains());
        }
        if (!configuration.vouchesFor(domain)) {
            throw new SsoRejection(ErrorCode.DOMAIN_NOT_VERIFIED, "the email domain '" + domain + "' is claimed by the workspace but "
                    + "its ownership is not verified; publish the TXT record shown in the workspace's domains and verify it");
        }
        return email.get();
    }

    private void record(WorkspaceId workspace, FederatedLogin.Admitted admitted, String email, ClientInfo client) {
        Instant now = clock.instant();
        events.record(switch (admitted) {
            case FederatedLogin.SignedIn in -> new SsoEvent(workspace, now, SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                    "logged in user " + in.loggedIn().user().id() + " (OpenID Connect)", email, client.ip());
            case FederatedLogin.Linked linked -> new SsoEvent(workspace, now, SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                    "linked the identity to user " + linked.user().id() + " (OpenID Connect)", email, client.ip());
            case FederatedLogin.ToConfirm confirm -> new SsoEvent(workspace, now, SsoEvent.Outcome.CONFIRMATION_REQUIRED,
                    ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED.code(), "an account with this email exists; waiting for its password to link it",
                    email, client.ip());
        });
    }
}
