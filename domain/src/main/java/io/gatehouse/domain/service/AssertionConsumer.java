package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SpEndpoints;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.ExternalIdentities.LinkedAccount;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.SamlResponseReader;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ACS. The SAML adapter verifies the XML (signature, issuer, destination, recipient, audience,
 * time, bearer); this class applies what needs the database, in one transaction, and records every
 * attempt in the workspace's SSO event log (refusals through {@link SsoAttemptGuard}, which also
 * limits how many refused posts one client may make):
 * <ol>
 *   <li>InResponseTo names an outstanding AuthnRequest of this workspace, taken once (SAML profiles
 *       4.1.4.3), and the response was not issued before that request; no InResponseTo only when the
 *       workspace allows IdP-initiated login (profiles 4.1.5);</li>
 *   <li>the assertion id was never accepted before (profiles 4.1.4.5, one-time bearer assertions);</li>
 *   <li>the asserted email is inside the workspace's email domains, and the workspace verified that
 *       domain, so an IdP can only vouch for addresses its workspace proved it owns;</li>
 *   <li>then: a linked identity logs in; an unknown email is provisioned just in time when allowed;
 *       an existing unlinked account is never logged in silently but asked to confirm with its password,
 *       unless its email was never verified: then it is reclaimed for the mailbox's owner (the decision is
 *       {@link FederatedAccountPolicy}'s, a pure function of the facts read here).</li>
 * </ol>
 */
public final class AssertionConsumer implements ConsumeSamlResponseUseCase {

    private final SsoConfigurations configurations;
    private final SamlResponseReader reader;
    private final PendingSamlRequests pending;
    private final AssertionReplayCache replayCache;
    private final ExternalIdentities identities;
    private final LinkConfirmations confirmations;
    private final Users users;
    private final SessionIssuer sessions;
    private final SsoEvents events;
    private final SsoAttemptGuard guard;
    private final UnverifiedAccountTakeover takeover;
    private final Transactions transactions;
    private final IdentityLinker linker;
    private final PublicUrl publicUrl;
    private final SamlPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    public AssertionConsumer(SsoConfigurations configurations, SamlResponseReader reader, PendingSamlRequests pending,
                             AssertionReplayCache replayCache, ExternalIdentities identities, LinkConfirmations confirmations,
                             Users users, Memberships memberships, SessionIssuer sessions, SsoEvents events,
                             SsoAttemptGuard guard, UnverifiedAccountTakeover takeover, Transactions transactions,
                             PublicUrl publicUrl, SamlPolicy policy, SecureRandom random, Clock clock) {
        this.configurations = configurations;
        this.reader = reader;
        this.pending = pending;
        this.replayCache = replayCache;
        this.identities = identities;
        this.confirmations = confirmations;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.guard = guard;
        this.takeover = takeover;
        this.transactions = transactions;
        this.linker = new IdentityLinker(identities, memberships, users, clock);
        this.publicUrl = publicUrl;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public AcsOutcome consume(WorkspaceId workspace, String samlResponse, String relayState, ClientInfo client) {
        // Before any parsing or lookup: a client that keeps posting refused responses costs one read per post.
        Optional<SsoThrottled> throttled = guard.admitPost(client.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        Optional<SsoConfiguration> found = configurations.find(workspace).filter(SsoConfiguration::enabled);
        if (found.isEmpty()) {
            // Not recorded: the workspace may not exist, and anyone could fill a log with such posts.
            return new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED, "SSO is not enabled for this workspace");
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
        WorkspaceId workspace = configuration.workspaceId();
        Optional<PendingSamlRequest> request = correlate(configuration, assertion, relayState);
        if (!replayCache.firstUse(workspace, assertion.assertionId(), assertion.validUntil().plus(policy.clockSkew()))) {
            throw new SsoRejection(ErrorCode.SAML_REPLAYED, "assertion '" + assertion.assertionId()
                    + "' was already used to log in; each assertion is accepted once");
        }
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
        String state = request.map(PendingSamlRequest::state).orElse(null);
        String requestedClient = request.map(PendingSamlRequest::client).orElse(null);
        String redirect = request.map(PendingSamlRequest::redirect).orElse(null);

        boolean linkRequested = request.isPresent() && request.get().isLink();
        Optional<LinkedAccount> linked = linkRequested ? Optional.empty()
                : identities.findLinkedAccount(ExternalIdentity.samlProvider(workspace), assertion.nameId());
        Optional<User> withEmail = linkRequested || linked.isPresent() ? Optional.empty() : users.findByEmail(profile.email());
        FederatedAccountPolicy.Decision decision = FederatedAccountPolicy.decide(linkRequested, linked.map(LinkedAccount::user), withEmail,
                configuration.jitProvisioning());
        if (decision instanceof FederatedAccountPolicy.Provision) {
            // The IdP of a verified domain vouches for the address: the account starts verified.
            User user = User.newMember(profile.email(), profile.fullName(), null, clock.instant()).withEmailVerified(true);
            if (users.insertIfEmailFree(user)) {
                user = linker.link(user, configuration, assertion.nameId(), profile.email().value(), profile.fullName());
                return loggedIn(sessions.open(user, AuthMethod.SAML, client), state, requestedClient, redirect);
            }
            // Someone signed up with this email a moment ago: decide again, for the existing account it now is.
            decision = FederatedAccountPolicy.decide(false, Optional.empty(), users.findByEmail(profile.email()), false);
        }
        if (decision instanceof FederatedAccountPolicy.LinkToRequester) {
            User user = active(users.findById(request.get().linkingUser()));
            return new IdentityLinked(linker.link(user, configuration, assertion.nameId(), profile.email().value(), profile.fullName()),
                    redirect);
        }
        if (decision instanceof FederatedAccountPolicy.LogIn login) {
            User user = linker.refreshProfile(active(Optional.of(login.account())), linked.orElseThrow().identity(),
                    profile.email().value(), profile.fullName());
            return loggedIn(sessions.open(user, AuthMethod.SAML, client), state, requestedClient, redirect);
        }
        if (decision instanceof FederatedAccountPolicy.ConfirmWithPassword confirm) {
            return confirmationFor(active(Optional.of(confirm.account())), configuration, assertion, profile);
        }
        if (decision instanceof FederatedAccountPolicy.Reclaim reclaim) {
            User account = active(Optional.of(reclaim.account()));
            User reclaimed = takeover.reclaim(account);
            events.record(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK, "the account " + account.id()
                    + " had never verified its email: it now belongs to the IdP's user, and its password, sessions and tokens were revoked",
                    profile.email().value(), client.ip()));
            User owned = linker.link(reclaimed, configuration, assertion.nameId(), profile.email().value(), profile.fullName());
            return loggedIn(sessions.open(owned, AuthMethod.SAML, client), state, requestedClient, redirect);
        }
        if (decision instanceof FederatedAccountPolicy.NotProvisioned) {
            throw new SsoRejection(ErrorCode.SAML_USER_NOT_PROVISIONED, "no account has the email " + profile.email()
                    + " and just-in-time provisioning is off for this workspace");
        }
        throw new IllegalStateException("unhandled account decision " + decision);
    }

    /** SAML profiles 4.1.4.3 and 4.1.5: solicited responses must answer our request; unsolicited ones must be allowed. */
    private Optional<PendingSamlRequest> correlate(SsoConfiguration configuration, SamlAssertion assertion, String relayState) {
        if (assertion.inResponse().isEmpty()) {
            if (!configuration.allowIdpInitiated()) {
                throw new SsoRejection(ErrorCode.SAML_UNSOLICITED_NOT_ALLOWED,
                        "the response has no InResponseTo (IdP-initiated login) and allow_idp_initiated is off");
            }
            return Optional.empty();
        }
        String requestId = assertion.inResponseTo();
        PendingSamlRequest request = pending.take(configuration.workspaceId(), requestId)
                .orElseThrow(() -> new SsoRejection(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN, "InResponseTo '" + requestId
                        + "' is not an outstanding AuthnRequest of this workspace (unknown, already answered, or from another workspace)"));
        Instant now = clock.instant();
        if (!now.isBefore(request.expiresAt())) {
            throw new SsoRejection(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN, "AuthnRequest '" + requestId + "' expired at "
                    + request.expiresAt() + " (" + (now.getEpochSecond() - request.expiresAt().getEpochSecond()) + " s ago)");
        }
        // SAML profiles 4.1.4.3: the response answers this request, so it cannot have been issued before it was sent.
        Instant earliest = request.createdAt().minus(policy.clockSkew());
        if (assertion.issuedAt().isBefore(earliest)) {
            throw new SsoRejection(ErrorCode.SAML_EXPIRED, "IssueInstant " + assertion.issuedAt() + " is "
                    + Duration.between(assertion.issuedAt(), request.createdAt()).toSeconds() + " s before AuthnRequest '" + requestId
                    + "' was sent (" + request.createdAt() + "); tolerated skew is " + policy.clockSkew().toSeconds()
                    + " s — a response cannot predate its request");
        }
        if (!Objects.equals(request.relayState(), relayState)) {
            throw new SsoRejection(ErrorCode.SAML_RELAY_STATE_MISMATCH,
                    "RelayState does not match the one sent with AuthnRequest '" + requestId + "'");
        }
        return Optional.of(request);
    }

    private AcsOutcome confirmationFor(User user, SsoConfiguration configuration, SamlAssertion assertion, AssertedProfile profile) {
        SecretToken code = SecretToken.generate(random);
        Instant expiresAt = clock.instant().plus(policy.confirmationLifetime());
        confirmations.insert(new LinkConfirmation(code.hash(), user.id(), configuration.workspaceId(), assertion.nameId(),
                profile.email().value(), profile.fullName(), expiresAt));
        return new LinkConfirmationRequired(code.value(), expiresAt);
    }

    private static User active(Optional<User> user) {
        if (user.isEmpty() || !user.get().isActive()) {
            throw new SsoRejection(ErrorCode.SAML_ACCOUNT_SUSPENDED, "the account this identity belongs to is suspended or gone");
        }
        return user.get();
    }

    private static AcsOutcome loggedIn(LoggedIn loggedIn, String state, String client, String redirect) {
        return new SamlLoggedIn(loggedIn.user(), loggedIn.secret(), state, client, redirect);
    }

    private void record(WorkspaceId workspace, AcsOutcome outcome, String email, ClientInfo client) {
        String detail;
        if (outcome instanceof SamlLoggedIn in) {
            detail = "logged in user " + in.user().id();
        } else if (outcome instanceof IdentityLinked linked) {
            detail = "linked the identity to user " + linked.user().id();
        } else {
            detail = "an account with this email exists; waiting for its password to link it";
        }
        SsoEvent.Outcome kind = outcome instanceof LinkConfirmationRequired ? SsoEvent.Outcome.CONFIRMATION_REQUIRED : SsoEvent.Outcome.SUCCESS;
        String code = outcome instanceof LinkConfirmationRequired ? ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED.code() : SsoEvent.CODE_OK;
        events.record(new SsoEvent(workspace, clock.instant(), kind, code, detail, email, client.ip()));
    }
}
