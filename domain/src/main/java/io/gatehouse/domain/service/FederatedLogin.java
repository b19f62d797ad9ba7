package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
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
 * What an accepted answer of a workspace's IdP (a SAML assertion, or an OpenID Connect connection's ID token) does
 * to accounts: reads the facts (a linked identity, an account with the asserted email, a link the user asked for),
 * lets {@link FederatedAccountPolicy} decide, and carries the decision out — log in, link to the requester, provision
 * just in time (a member with the workspace's default role), reclaim an account whose email was never verified, or
 * ask the existing account's owner to confirm with a password. Runs inside the caller's transaction; a rejection
 * thrown here rolls back everything it wrote.
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

    /**
     * What the workspace's IdP said, already checked: who ({@code subject}, the SAML NameID or the OpenID {@code sub}),
     * their address (inside the workspace's verified domains) and name; {@code linkingUser} when a signed-in user
     * started the login to link the identity.
     */
    record Answer(SsoConfiguration configuration, String subject, Email email, String fullName, UserId linkingUser, ClientInfo client) {

        String provider() {
            return configuration.providerName();
        }

        SsoProtocol protocol() {
            return configuration.protocol();
        }
    }

    /** What the answer did. */
    sealed interface Admitted permits SignedIn, Linked, ToConfirm {
    }

    record SignedIn(LoggedIn loggedIn) implements Admitted {
    }

    record Linked(User user) implements Admitted {
    }

    record ToConfirm(String confirmationCode, Instant expiresAt) implements Admitted {
    }

    Admitted admit(Answer in) {
        boolean linkRequested = in.linkingUser() != null;
        Optional<LinkedAccount> linked = linkRequested ? Optional.empty() : identities.findLinkedAccount(in.provider(), in.subject());
        Optional<User> withEmail = linkRequested || linked.isPresent() ? Optional.empty() : users.findByEmail(in.email());
        return carryOut(FederatedAccountPolicy.decide(linkRequested, linked.map(LinkedAccount::user), withEmail,
                in.configuration().jitProvisioning()), in, linked);
    }

    private Admitted carryOut(FederatedAccountPolicy.Decision decision, Answer in, Optional<LinkedAccount> linked) {
        return switch (decision) {
            case FederatedAccountPolicy.Provision provision -> provision(in);
            case FederatedAccountPolicy.LinkToRequester link -> new Linked(linker.link(active(users.findById(in.linkingUser()), in),
                    in.configuration(), in.subject(), in.email().value(), in.fullName()));
            case FederatedAccountPolicy.LogIn login -> {
                User user = linker.refreshProfile(active(Optional.of(login.account()), in), linked.orElseThrow().identity(),
                        in.email().value(), in.fullName());
                yield new SignedIn(sessions.open(user, in.protocol().authMethod(), in.client()));
            }
            case FederatedAccountPolicy.ConfirmWithPassword confirm -> confirmationFor(active(Optional.of(confirm.account()), in), in);
            case FederatedAccountPolicy.Reclaim reclaim -> {
                User account = active(Optional.of(reclaim.account()), in);
                User reclaimed = takeover.reclaim(account);
                events.record(new SsoEvent(in.configuration().workspaceId(), clock.instant(), SsoEvent.Outcome.SUCCESS, SsoEvent.CODE_OK,
                        "the account " + account.id() + " had never verified its email: it now belongs to the IdP's user, and its "
                                + "password, sessions and tokens were revoked", in.email().value(), in.client().ip()));
                User owned = linker.link(reclaimed, in.configuration(), in.subject(), in.email().value(), in.fullName());
                yield new SignedIn(sessions.open(owned, in.protocol().authMethod(), in.client()));
            }
            case FederatedAccountPolicy.NotProvisioned notProvisioned -> throw new SsoRejection(in.protocol().notProvisioned(),
                    "no account has the email " + in.email() + " and just-in-time provisioning is off for this workspace");
        };
    }

    private Admitted provision(Answer in) {
        // The IdP of a verified domain vouches for the address: the account starts verified.
        User user = User.newMember(in.email(), in.fullName(), null, clock.instant()).withEmailVerified(true);
        if (users.insertIfEmailFree(user)) {
            User linkedUser = linker.link(user, in.configuration(), in.subject(), in.email().value(), in.fullName());
            return new SignedIn(sessions.open(linkedUser, in.protocol().authMethod(), in.client()));
        }
        // Someone signed up with this email a moment ago: decide again, for the existing account it now is (never provisioning twice).
        return carryOut(FederatedAccountPolicy.decide(false, Optional.empty(), users.findByEmail(in.email()), false), in, Optional.empty());
    }

    private Admitted confirmationFor(User user, Answer in) {
        SecretToken code = SecretToken.generate(random);
        Instant expiresAt = clock.instant().plus(policy.confirmationLifetime());
        confirmations.insert(new LinkConfirmation(code.hash(), user.id(), in.provider(), in.configuration().workspaceId(), in.subject(),
                in.email().value(), in.fullName(), expiresAt));
        return new ToConfirm(code.value(), expiresAt);
    }

    private static User active(Optional<User> user, Answer in) {
        if (user.isEmpty() || !user.get().isActive()) {
            throw new SsoRejection(in.protocol().accountSuspended(), "the account this identity belongs to is suspended or gone");
        }
        return user.get();
    }
}
