package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.OpenIdIdentity;
import io.gatehouse.domain.model.OpenIdProviderInfo;
import io.gatehouse.domain.model.PendingOidcLogin;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.ExternalIdentities.LinkedAccount;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.OpenIdProviders;
import io.gatehouse.domain.port.out.OpenIdProviders.AuthorizationOutcome;
import io.gatehouse.domain.port.out.OpenIdProviders.AuthorizationUrl;
import io.gatehouse.domain.port.out.OpenIdProviders.Connection;
import io.gatehouse.domain.port.out.OpenIdProviders.ProviderRefusal;
import io.gatehouse.domain.port.out.OpenIdProviders.Redeemed;
import io.gatehouse.domain.port.out.PendingOidcLogins;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in, sign-up and linking with the instance's OpenID providers, and sign-in through workspaces' OpenID Connect
 * connections ({@link WorkspaceConnections}) (OpenID Connect Core 3.1, RFC 9700).
 * The start remembers, in the database, what the answer must match: the provider it was sent to (so the
 * callback never learns that from the response: no issuer mix-up), the nonce, the PKCE verifier, and the hash
 * of a secret in the starting browser's cookie (a state is good only there, and only once). The answer is then
 * an identity {@code (provider, sub)}; what it does with accounts follows {@link FederatedAccountPolicy}, with
 * one rule of its own: an email counts only when the provider says it verified it (no "nOAuth").
 */
public final class OidcLoginService implements OidcLoginUseCase {

    private static final int MAX_STATE = 512;
    private static final int MAX_CODE = 4096;
    private static final int MAX_ERROR = 200;
    /** OpenID Connect Core 2: a subject is at most 255 ASCII characters. */
    private static final int MAX_SUBJECT = 255;
    /** A browser secret Gatehouse made has 43 characters; anything much shorter was not made here. */
    private static final int MIN_BROWSER_SECRET = 40;

    private final OpenIdProviders providers;
    private final PendingOidcLogins logins;
    private final ExternalIdentities identities;
    private final Users users;
    private final LinkConfirmations confirmations;
    private final IdentityLinker linker;
    private final UnverifiedAccountTakeover takeover;
    private final SessionIssuer sessions;
    private final SsoAttemptGuard guard;
    private final WorkspaceConnections workspaces;
    private final Transactions transactions;
    private final Duration flowLifetime;
    private final Duration confirmationLifetime;
    private final SecureRandom random;
    private final Clock clock;

    public OidcLoginService(OpenIdProviders providers, PendingOidcLogins logins, ExternalIdentities identities, Users users,
                            LinkConfirmations confirmations, IdentityLinker linker, UnverifiedAccountTakeover takeover, SessionIssuer sessions,
                            SsoAttemptGuard guard, WorkspaceConnections workspaces, Transactions transactions, Duration flowLifetime,
                            Duration confirmationLifetime, SecureRandom random, Clock clock) {
        this.workspaces = workspaces;
        this.providers = providers;
        this.logins = logins;
        this.identities = identities;
        this.users = users;
        this.confirmations = confirmations;
        this.linker = linker;
        this.takeover = takeover;
        this.sessions = sessions;
        this.guard = guard;
        this.transactions = transactions;
        this.flowLifetime = flowLifetime;
        this.confirmationLifetime = confirmationLifetime;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public List<OpenIdProviderInfo> providers() {
        return providers.list();
    }

    @Override
    public StartOutcome start(String provider, String client, String state, String redirect, ClientInfo caller, String browserSecret) {
        Optional<SsoThrottled> throttled = guard.admitStart(caller.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        if (providers.find(provider).isEmpty()) {
            return unknown(provider);
        }
        return send(provider, null, null, client, state, redirect, browserSecret);
    }

    @Override
    public StartOutcome startLink(UserId user, String provider, String redirect, String browserSecret) {
        Optional<SsoConfiguration> workspace = workspaces.configuration(provider);
        if (providers.find(provider).isEmpty() && workspace.isEmpty()) {
            return unknown(provider);
        }
        if (identities.findForUser(user, provider).isPresent()) {
            return new SsoRefused(ErrorCode.ALREADY_LINKED, "this account is already linked to " + provider);
        }
        return workspace.isPresent() ? sendToWorkspace(workspace.get(), user, null, null, redirect, browserSecret, null)
                : send(provider, null, user, null, null, redirect, browserSecret);
    }

    /**
     * Sends the browser to a workspace's OpenID Connect IdP (its connection, found by the caller, who also limited the start).
     *
     * @param caller the client starting a sign-in, or null for a signed-in person's link request
     */
    StartOutcome sendToWorkspace(SsoConfiguration configuration, UserId linkingUser, String client, String clientState, String redirect,
                                 String browserSecret, ClientInfo caller) {
        StartOutcome outcome = send(configuration.providerName(), workspaces.connection(configuration), linkingUser, client, clientState,
                redirect, browserSecret);
        if (outcome instanceof SsoRefused refused) {
            // The exact reason (an unreachable or unsafe IdP) is for the workspace's admins, in its events; the caller gets the code.
            workspaces.startRefused(configuration.workspaceId(), refused, caller);
            return new SsoRefused(refused.code(), "the workspace's identity provider cannot be used right now; its admins can see why in "
                    + "the workspace's sign-in events");
        }
        return outcome;
    }

    /** @param connection a workspace's connection, or null for the instance provider {@code provider} */
    private StartOutcome send(String provider, Connection connection, UserId linkingUser, String client, String clientState, String redirect,
                              String browserSecret) {
        SecretToken state = SecretToken.generate(random);
        String nonce = SecretToken.generate(random).value();
        // RFC 7636 4.1: 43 characters of the unreserved set, from 256 random bits.
        String codeVerifier = SecretToken.generate(random).value();
        SecretToken browser = browserSecret != null && browserSecret.length() >= MIN_BROWSER_SECRET
                && browserSecret.length() <= SecretToken.MAX_PRESENTED_LENGTH ? new SecretToken(browserSecret) : SecretToken.generate(random);
        AuthorizationOutcome outcome = connection == null ? providers.authorizationUrl(provider, state.value(), nonce, codeVerifier)
                : providers.authorizationUrl(connection, state.value(), nonce, codeVerifier);
        return switch (outcome) {
            case ProviderRefusal refusal -> new SsoRefused(refusal.code(), refusal.detail());
            case AuthorizationUrl url -> {
                Instant now = clock.instant();
                logins.insert(new PendingOidcLogin(state.hash(), provider, nonce, codeVerifier, browser.hash(), linkingUser, client,
                        clientState, redirect, now, now.plus(flowLifetime)));
                yield new SendToProvider(url.url(), browser.value());
            }
        };
    }

    @Override
    public CallbackOutcome callback(String state, String code, String error, String responseIssuer, String browserSecret,
                                    ClientInfo client) {
        // A client that kept presenting refused answers to workspace connections waits before any work (as at the ACS).
        Optional<SsoThrottled> throttled = guard.admitPost(client.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        if (state == null || state.isEmpty() || state.length() > MAX_STATE) {
            return refused(ErrorCode.OIDC_STATE_INVALID, "the answer carries no state");
        }
        // Taken, not read: a state is spent by its first use, whatever follows (RFC 9700 4.7.1).
        Optional<PendingOidcLogin> taken = logins.take(SecretToken.TokenHash.sha256(state));
        if (taken.isEmpty()) {
            return refused(ErrorCode.OIDC_STATE_INVALID, "unknown or already used state");
        }
        PendingOidcLogin pending = taken.get();
        if (pending.isExpiredAt(clock.instant())) {
            return refused(ErrorCode.OIDC_STATE_INVALID, "the sign-in took too long: its state expired at " + pending.expiresAt());
        }
        if (browserSecret == null || browserSecret.length() > SecretToken.MAX_PRESENTED_LENGTH
                || !MessageDigest.isEqual(SecretToken.TokenHash.sha256(browserSecret).hex().getBytes(StandardCharsets.US_ASCII),
                pending.browserHash().hex().getBytes(StandardCharsets.US_ASCII))) {
            return refused(ErrorCode.OIDC_STATE_INVALID, "the sign-in was started in another browser");
        }
        if (SsoProtocol.ofProvider(pending.provider()).isPresent()) {
            return workspaceCallback(pending, code, error, responseIssuer, client);
        }
        if (error != null) {
            return refused(ErrorCode.OIDC_PROVIDER_ERROR, "the provider answered error=" + bounded(error));
        }
        if (code == null || code.isEmpty() || code.length() > MAX_CODE) {
            return refused(ErrorCode.OIDC_PROVIDER_ERROR, "the provider's answer carries no authorization code");
        }
        return switch (providers.redeem(pending.provider(), code, pending.codeVerifier(), pending.nonce(),
                responseIssuer == null ? null : bounded(responseIssuer))) {
            case ProviderRefusal refusal -> refused(refusal.code(), refusal.detail());
            case Redeemed redeemed when redeemed.identity().subject().isEmpty() || redeemed.identity().subject().length() > MAX_SUBJECT ->
                    refused(ErrorCode.OIDC_ID_TOKEN_INVALID, "the subject is empty or longer than " + MAX_SUBJECT + " characters");
            case Redeemed redeemed -> admit(pending, normalized(redeemed.identity()), client);
        };
    }

    /** The answer of a workspace's IdP: every refusal from here on is the workspace's to see in its events. */
    private CallbackOutcome workspaceCallback(PendingOidcLogin pending, String code, String error, String responseIssuer, ClientInfo client) {
        WorkspaceId workspace = SsoProtocol.workspaceOf(pending.provider()).orElseThrow();
        Optional<SsoConfiguration> configuration = workspaces.configuration(pending.provider());
        if (configuration.isEmpty()) {
            return workspaces.refused(workspace, ErrorCode.SSO_NOT_CONFIGURED, "the workspace's OpenID Connect SSO was switched off or "
                    + "changed protocol while the sign-in was under way", null, client);
        }
        if (error != null) {
            return workspaces.refused(workspace, ErrorCode.OIDC_PROVIDER_ERROR, "the IdP answered error=" + bounded(error), null, client);
        }
        if (code == null || code.isEmpty() || code.length() > MAX_CODE) {
            return workspaces.refused(workspace, ErrorCode.OIDC_PROVIDER_ERROR, "the IdP's answer carries no authorization code", null, client);
        }
        return switch (providers.redeem(workspaces.connection(configuration.get()), code, pending.codeVerifier(), pending.nonce(),
                responseIssuer == null ? null : bounded(responseIssuer))) {
            case ProviderRefusal refusal -> workspaces.refused(workspace, refusal.code(), refusal.detail(), null, client);
            case Redeemed redeemed when redeemed.identity().subject().isEmpty() || redeemed.identity().subject().length() > MAX_SUBJECT ->
                    workspaces.refused(workspace, ErrorCode.OIDC_ID_TOKEN_INVALID, "the subject is empty or longer than " + MAX_SUBJECT
                            + " characters", null, client);
            case Redeemed redeemed -> workspaces.admit(configuration.get(), pending, normalized(redeemed.identity()), client);
        };
    }

    /**
     * What the provider said, fit to keep: an email only when it is a valid address (else as if none was given), a
     * name clipped as SAML names are, without control characters.
     */
    private static OpenIdIdentity normalized(OpenIdIdentity raw) {
        String email = Email.parse(raw.email()).map(Email::value).orElse(null);
        String name = raw.fullName() == null ? null : raw.fullName().replaceAll("\\p{Cntrl}", " ").strip();
        if (name != null && name.length() > AssertedProfile.MAX_NAME_LENGTH) {
            name = name.substring(0, AssertedProfile.MAX_NAME_LENGTH);
        }
        return new OpenIdIdentity(raw.subject(), email, raw.emailVerified() && email != null, name == null || name.isEmpty() ? null : name);
    }

    private CallbackOutcome admit(PendingOidcLogin pending, OpenIdIdentity identity, ClientInfo client) {
        try {
            return transactions.inTransaction(() -> decide(pending, identity, client));
        } catch (SsoRejection rejection) {
            return refused(rejection.code(), rejection.detail());
        }
    }

    private CallbackOutcome decide(PendingOidcLogin pending, OpenIdIdentity identity, ClientInfo client) {
        String provider = pending.provider();
        if (pending.linkingUser() != null) {
            User requester = active(users.findById(pending.linkingUser()));
            return new OidcLinked(linker.linkInstanceIdentity(requester, provider, identity.subject(), identity.email(), identity.fullName()),
                    pending.redirect());
        }
        Optional<LinkedAccount> linked = identities.findLinkedAccount(provider, identity.subject());
        if (linked.isPresent()) {
            User user = linker.refreshProfile(active(Optional.of(linked.get().user())), linked.get().identity(), identity.email(),
                    identity.fullName());
            return loggedIn(pending, sessions.open(user, AuthMethod.OIDC, client));
        }
        // An unlinked identity: its email may create an account or propose a link only when the provider verified it.
        Optional<Email> email = identity.emailVerified() ? Email.parse(identity.email()) : Optional.empty();
        if (email.isEmpty()) {
            throw new SsoRejection(ErrorCode.OIDC_EMAIL_NOT_VERIFIED, "the " + provider + " identity '" + identity.subject()
                    + "' is not linked to an account, and the provider does not vouch for its email ("
                    + (identity.email() == null ? "none given" : "email_verified is not true") + ")");
        }
        return switch (FederatedAccountPolicy.decide(false, Optional.empty(), users.findByEmail(email.get()), true)) {
            case FederatedAccountPolicy.ConfirmWithPassword confirm -> confirmation(active(Optional.of(confirm.account())), pending, identity);
            case FederatedAccountPolicy.Reclaim reclaim -> {
                User owned = takeover.reclaim(active(Optional.of(reclaim.account())));
                yield loggedIn(pending, sessions.open(linker.linkInstanceIdentity(owned, provider, identity.subject(), email.get().value(),
                        identity.fullName()), AuthMethod.OIDC, client));
            }
            case FederatedAccountPolicy.Provision provision -> provision(pending, identity, email.get(), client);
            default -> throw new IllegalStateException("no link was requested and the identity is not linked");
        };
    }

    private CallbackOutcome provision(PendingOidcLogin pending, OpenIdIdentity identity, Email email, ClientInfo client) {
        // The provider vouches for the address: the account starts verified, without a password.
        User user = User.newMember(email, identity.fullName(), null, clock.instant()).withEmailVerified(true);
        if (!users.insertIfEmailFree(user)) {
            // Someone signed up with this address a moment ago: a link proposal then, never a second account.
            return confirmation(active(users.findByEmail(email)), pending, identity);
        }
        User linked = linker.linkInstanceIdentity(user, pending.provider(), identity.subject(), email.value(), identity.fullName());
        return loggedIn(pending, sessions.open(linked, AuthMethod.OIDC, client));
    }

    private CallbackOutcome confirmation(User account, PendingOidcLogin pending, OpenIdIdentity identity) {
        SecretToken code = SecretToken.generate(random);
        Instant expiresAt = clock.instant().plus(confirmationLifetime);
        confirmations.insert(new LinkConfirmation(code.hash(), account.id(), pending.provider(), null, identity.subject(), identity.email(),
                identity.fullName(), expiresAt));
        return new OidcConfirmationRequired(code.value(), expiresAt, pending.redirect());
    }

    private static CallbackOutcome loggedIn(PendingOidcLogin pending, LoggedIn loggedIn) {
        return new OidcLoggedIn(loggedIn.user(), loggedIn.secret(), pending.clientState(), pending.client(), pending.redirect());
    }

    private static User active(Optional<User> user) {
        if (user.isEmpty() || !user.get().isActive()) {
            throw new SsoRejection(ErrorCode.OIDC_ACCOUNT_SUSPENDED, "the account this identity belongs to is suspended or gone");
        }
        return user.get();
    }

    private static SsoRefused unknown(String provider) {
        return new SsoRefused(ErrorCode.UNKNOWN_PROVIDER, "no provider named '" + bounded(provider) + "' is configured");
    }

    private static SsoRefused refused(ErrorCode code, String detail) {
        return new SsoRefused(code, detail);
    }

    private static String bounded(String text) {
        String clean = text == null ? "" : text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > MAX_ERROR ? clean.substring(0, MAX_ERROR) + "…" : clean;
    }
}
