package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SpEndpoints;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.out.SamlResponseReader;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The ACS. The SAML adapter verifies the XML (signature, issuer, destination, recipient, audience,
 * time, bearer); this class applies what needs the database, in one transaction, and records every
 * attempt in the workspace's SSO event log (refusals through {@link SsoAttemptGuard}, which also
 * limits how many refused posts one client may make):
 * <ol>
 *   <li>{@link ResponseCorrelation}: InResponseTo names an outstanding AuthnRequest of this workspace,
 *       taken once (SAML profiles 4.1.4.3), and the response was not issued before that request; no
 *       InResponseTo only when the workspace allows IdP-initiated login (profiles 4.1.5); the assertion
 *       id was never accepted before (profiles 4.1.4.5, one-time bearer assertions);</li>
 *   <li>the asserted email is inside the workspace's email domains, and the workspace verified that
 *       domain, so an IdP can only vouch for addresses its workspace proved it owns;</li>
 *   <li>then {@link FederatedLogin}: a linked identity logs in; an unknown email is provisioned just in
 *       time when allowed; an existing unlinked account is never logged in silently but asked to confirm
 *       with its password, unless its email was never verified: then it is reclaimed for the mailbox's
 *       owner (the decision is {@link FederatedAccountPolicy}'s, a pure function of the facts).</li>
 * </ol>
 */
public final class AssertionConsumer implements ConsumeSamlResponseUseCase {

    private final SsoConfigurations configurations;
    private final SamlResponseReader reader;
    private final ResponseCorrelation correlation;
    private final FederatedLogin federatedLogin;
    private final SsoEvents events;
    private final SsoAttemptGuard guard;
    private final Transactions transactions;
    private final PublicUrl publicUrl;
    private final SamlPolicy policy;
    private final Clock clock;

    public AssertionConsumer(SsoConfigurations configurations, SamlResponseReader reader, ResponseCorrelation correlation,
                             FederatedLogin federatedLogin, SsoEvents events, SsoAttemptGuard guard, Transactions transactions,
                             PublicUrl publicUrl, SamlPolicy policy, Clock clock) {
        this.configurations = configurations;
        this.reader = reader;
        this.correlation = correlation;
        this.federatedLogin = federatedLogin;
        this.events = events;
        this.guard = guard;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public AcsOutcome consume(WorkspaceId workspace, String samlResponse, String relayState, ClientInfo client) {
        // Before any parsing or lookup: a client that keeps posting refused responses costs one read per post.
        Optional<SsoThrottled> throttled = guard.admitPost(client.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        // A workspace that switched to OpenID Connect no longer takes assertions signed by its former IdP's keys.
        Optional<SsoConfiguration> found = configurations.find(workspace).filter(SsoConfiguration::enabled)
                .filter(configuration -> configuration.protocol() == SsoProtocol.SAML);
        if (found.isEmpty()) {
            // Not recorded: the workspace may not exist, and anyone could fill a log with such posts.
            return new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED, "SAML SSO is not enabled for this workspace");
        }
        SsoConfiguration configuration = found.get();
        SpEndpoints sp = SpEndpoints.of(publicUrl, workspace);
        String email = null;
        try {
            SamlAssertion assertion = reader.read(samlResponse, new SamlResponseReader.Expectations(configuration, sp.entityId(),
                    sp.acsUrl(), policy.clockSkew(), policy.maxMessageAge(), policy.maxAuthenticationAge()));
            AssertedProfile profile = AssertedProfile.of(configuration.attributeMapping(), assertion);
            email = profile.email().value();
            String asserted = email;
            // A success is recorded in the same transaction as the login it reports.
            return transactions.inTransaction(() -> {
                AcsOutcome outcome = accept(configuration, assertion, profile, relayState, client);
                record(workspace, outcome, asserted, client);
                return outcome;
            });
        } catch (SsoRejection rejection) {
            guard.refused(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.FAILURE, rejection.code().code(),
                    rejection.detail(), email, client.ip()));
            return new SsoRefused(rejection.code(), rejection.detail());
        }
    }

    private AcsOutcome accept(SsoConfiguration configuration, SamlAssertion assertion, AssertedProfile profile, String relayState,
                              ClientInfo client) {
        Optional<PendingSamlRequest> request = correlation.answeredRequest(configuration, assertion, relayState);
        String domain = profile.email().domain();
        if (!configuration.emailDomains().contains(domain)) {
            throw new SsoRejection(ErrorCode.SAML_EMAIL_DOMAIN_NOT_ALLOWED, "asserted email domain '" + domain
                    + "' is not one of the workspace's email domains " + configuration.emailDomains());
        }
        // An IdP vouches only for addresses of domains its workspace proved it owns: a claim alone is anyone's to make.
        if (!configuration.vouchesFor(domain)) {
            throw new SsoRejection(ErrorCode.DOMAIN_NOT_VERIFIED, "asserted email domain '" + domain + "' is claimed by the workspace but "
                    + "its ownership is not verified; publish the TXT record shown in the workspace's domains and verify it");
        }
        UserId linkingUser = request.filter(PendingSamlRequest::isLink).map(PendingSamlRequest::linkingUser).orElse(null);
        return switch (federatedLogin.admit(new FederatedLogin.Answer(configuration, assertion.nameId(), profile.email(), profile.fullName(),
                linkingUser, client))) {
            case FederatedLogin.SignedIn in -> new SamlLoggedIn(in.loggedIn().user(), in.loggedIn().secret(),
                    request.map(PendingSamlRequest::state).orElse(null), request.map(PendingSamlRequest::client).orElse(null),
                    request.map(PendingSamlRequest::redirect).orElse(null));
            case FederatedLogin.Linked linked -> new IdentityLinked(linked.user(), request.map(PendingSamlRequest::redirect).orElse(null));
            case FederatedLogin.ToConfirm confirm -> new LinkConfirmationRequired(confirm.confirmationCode(), confirm.expiresAt(),
                    request.map(PendingSamlRequest::redirect).orElse(null));
        };
    }

    private void record(WorkspaceId workspace, AcsOutcome outcome, String email, ClientInfo client) {
        Instant now = clock.instant();
        events.record(switch (outcome) {
            case SamlLoggedIn in -> new SsoEvent(workspace, now, SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                    "logged in user " + in.user().id(), email, client.ip());
            case IdentityLinked linked -> new SsoEvent(workspace, now, SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                    "linked the identity to user " + linked.user().id(), email, client.ip());
            case LinkConfirmationRequired required -> new SsoEvent(workspace, now, SsoEvent.Outcome.CONFIRMATION_REQUIRED,
                    ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED.code(), "an account with this email exists; waiting for its password to link it",
                    email, client.ip());
            // Refusals are recorded by the guard, outside the transaction that rolls back; throttling happens before any of this.
            case SsoRefused refused -> throw new IllegalArgumentException("a refusal is not an admission: " + refused.code());
            case SsoThrottled throttled -> throw new IllegalArgumentException("throttling is not an admission");
        });
    }
}
