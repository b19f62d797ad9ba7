package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.AcsOutcome;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.IdentityLinked;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.LinkConfirmationRequired;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase.SamlLoggedIn;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.ExternalIdentities.LinkedAccount;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What an accepted assertion does to accounts: reads the facts (a linked identity, an account with the
 * asserted email, a link the user asked for), lets {@link FederatedAccountPolicy} decide, and carries
 * the decision out — log in, link to the requester, provision just in time, reclaim an account whose
 * email was never verified, or ask the existing account's owner to confirm with a password. Runs
 * inside the ACS's transaction; a rejection thrown here rolls back everything it wrote.
 */
public final class FederatedLogin {

    private final ExternalIdentities identities;
    private final Users users;
    private final IdentityLinker linker;
    private final SessionIssuer sessions;
    private final LinkConfirmations confirmations;
    private final UnverifiedAccountTakeover takeover;
    private final SsoEvents events;
    private final SamlPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    public FederatedLogin(ExternalIdentities identities, Users users, IdentityLinker linker, SessionIssuer sessions,
                          LinkConfirmations confirmations, UnverifiedAccountTakeover takeover, SsoEvents events, SamlPolicy policy,
                          SecureRandom random, Clock clock) {
        this.identities = identities;
        this.users = users;
        this.linker = linker;
        this.sessions = sessions;
        this.confirmations = confirmations;
        this.takeover = takeover;
        this.events = events;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    AcsOutcome admit(SsoConfiguration configuration, SamlAssertion assertion, AssertedProfile profile, Optional<PendingSamlRequest> request,
                     ClientInfo client) {
        WorkspaceId workspace = configuration.workspaceId();
        boolean linkRequested = request.isPresent() && request.get().isLink();
        Optional<LinkedAccount> linked = linkRequested ? Optional.empty()
                : identities.findLinkedAccount(ExternalIdentity.samlProvider(workspace), assertion.nameId());
        Optional<User> withEmail = linkRequested || linked.isPresent() ? Optional.empty() : users.findByEmail(profile.email());
        Admission admission = new Admission(configuration, assertion, profile, request, linked, client);
        return carryOut(FederatedAccountPolicy.decide(linkRequested, linked.map(LinkedAccount::user), withEmail,
                configuration.jitProvisioning()), admission);
    }

    /** The facts one assertion is admitted with. */
    private record Admission(SsoConfiguration configuration, SamlAssertion assertion, AssertedProfile profile,
                             Optional<PendingSamlRequest> request, Optional<LinkedAccount> linked, ClientInfo client) {

        String email() {
            return profile.email().value();
        }

        AcsOutcome loggedIn(LoggedIn loggedIn) {
            return new SamlLoggedIn(loggedIn.user(), loggedIn.secret(), request.map(PendingSamlRequest::state).orElse(null),
                    request.map(PendingSamlRequest::client).orElse(null), request.map(PendingSamlRequest::redirect).orElse(null));
        }
    }

    private AcsOutcome carryOut(FederatedAccountPolicy.Decision decision, Admission in) {
        return switch (decision) {
            case FederatedAccountPolicy.Provision provision -> provision(in);
            case FederatedAccountPolicy.LinkToRequester link -> {
                User user = active(users.findById(in.request().orElseThrow().linkingUser()));
                yield new IdentityLinked(linker.link(user, in.configuration(), in.assertion().nameId(), in.email(), in.profile().fullName()),
                        in.request().get().redirect());
            }
            case FederatedAccountPolicy.LogIn login -> {
                User user = linker.refreshProfile(active(Optional.of(login.account())), in.linked().orElseThrow().identity(), in.email(),
                        in.profile().fullName());
                yield in.loggedIn(sessions.open(user, AuthMethod.SAML, in.client()));
            }
            case FederatedAccountPolicy.ConfirmWithPassword confirm ->
                    confirmationFor(active(Optional.of(confirm.account())), in);
            case FederatedAccountPolicy.Reclaim reclaim -> {
                User account = active(Optional.of(reclaim.account()));
                User reclaimed = takeover.reclaim(account);
                events.record(new SsoEvent(in.configuration().workspaceId(), clock.instant(), SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                        "the account " + account.id() + " had never verified its email: it now belongs to the IdP's user, and its "
                                + "password, sessions and tokens were revoked", in.email(), in.client().ip()));
                User owned = linker.link(reclaimed, in.configuration(), in.assertion().nameId(), in.email(), in.profile().fullName());
                yield in.loggedIn(sessions.open(owned, AuthMethod.SAML, in.client()));
            }
            case FederatedAccountPolicy.NotProvisioned notProvisioned -> throw new SsoRejection(ErrorCode.SAML_USER_NOT_PROVISIONED,
                    "no account has the email " + in.profile().email() + " and just-in-time provisioning is off for this workspace");
        };
    }

    private AcsOutcome provision(Admission in) {
        // The IdP of a verified domain vouches for the address: the account starts verified.
        User user = User.newMember(in.profile().email(), in.profile().fullName(), null, clock.instant()).withEmailVerified(true);
        if (users.insertIfEmailFree(user)) {
            User linkedUser = linker.link(user, in.configuration(), in.assertion().nameId(), in.email(), in.profile().fullName());
            return in.loggedIn(sessions.open(linkedUser, AuthMethod.SAML, in.client()));
        }
        // Someone signed up with this email a moment ago: decide again, for the existing account it now is (never provisioning twice).
        return carryOut(FederatedAccountPolicy.decide(false, Optional.empty(), users.findByEmail(in.profile().email()), false), in);
    }

    private AcsOutcome confirmationFor(User user, Admission in) {
        SecretToken code = SecretToken.generate(random);
        Instant expiresAt = clock.instant().plus(policy.confirmationLifetime());
        confirmations.insert(new LinkConfirmation(code.hash(), user.id(), ExternalIdentity.samlProvider(in.configuration().workspaceId()),
                in.configuration().workspaceId(), in.assertion().nameId(),
                in.email(), in.profile().fullName(), expiresAt));
        return new LinkConfirmationRequired(code.value(), expiresAt, in.request().map(PendingSamlRequest::redirect).orElse(null));
    }

    private static User active(Optional<User> user) {
        if (user.isEmpty() || !user.get().isActive()) {
            throw new SsoRejection(ErrorCode.SAML_ACCOUNT_SUSPENDED, "the account this identity belongs to is suspended or gone");
        }
        return user.get();
    }

}
