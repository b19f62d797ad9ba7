package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Links a workspace IdP identity ({@code saml:{wid}} or {@code oidc:{wid}}) to a user, makes the user a member of that workspace (with the
 * configured default role) if they are not one yet, and keeps the profile in step with what the
 * IdP asserts. Runs inside the caller's transaction, and writes only what changed.
 */
public final class IdentityLinker {

    private final ExternalIdentities identities;
    private final Memberships memberships;
    private final Users users;
    private final Clock clock;

    public IdentityLinker(ExternalIdentities identities, Memberships memberships, Users users, Clock clock) {
        this.identities = identities;
        this.memberships = memberships;
        this.users = users;
        this.clock = clock;
    }

    /** @return the user as the profile now stands */
    User link(User user, SsoConfiguration configuration, String externalId, String email, String fullName) {
        String provider = configuration.providerName();
        Instant now = clock.instant();
        Optional<ExternalIdentity> existing = identities.find(provider, externalId).filter(link -> link.userId().equals(user.id()));
        if (existing.isEmpty() && !identities.insertIfFree(new ExternalIdentity(provider, externalId, user.id(), email, now))) {
            throw new SsoRejection(configuration.protocol().linkedElsewhere(),
                    "the identity '" + externalId + "' is already linked to another account, or this account is already linked to "
                            + provider + " with another NameID");
        }
        if (memberships.roleOf(configuration.workspaceId(), user.id()).isEmpty()) {
            memberships.insert(new Membership(configuration.workspaceId(), user.id(), configuration.defaultRole(), now));
        }
        return existing.isPresent() ? refreshProfile(user, existing.get(), email, fullName) : rename(user, fullName);
    }

    /**
     * Links an instance provider's identity (no workspace, so no membership): {@code (provider, subject)} is the key,
     * and one account has at most one identity per provider.
     */
    User linkInstanceIdentity(User user, String provider, String subject, String email, String fullName) {
        Optional<ExternalIdentity> existing = identities.find(provider, subject).filter(link -> link.userId().equals(user.id()));
        if (existing.isEmpty() && !identities.insertIfFree(new ExternalIdentity(provider, subject, user.id(), email, clock.instant()))) {
            throw new SsoRejection(ErrorCode.OIDC_IDENTITY_LINKED_ELSEWHERE, "the " + provider + " identity '" + subject
                    + "' is already linked to another account, or this account is already linked to another " + provider + " identity");
        }
        return existing.isPresent() ? refreshProfile(user, existing.get(), email, fullName) : rename(user, fullName);
    }

    /** Name attributes update the profile; the link remembers the email last asserted. */
    User refreshProfile(User user, ExternalIdentity identity, String email, String fullName) {
        if (!Objects.equals(identity.email(), email)) {
            identities.updateEmail(identity.providerName(), identity.externalId(), email);
        }
        return rename(user, fullName);
    }

    private User rename(User user, String fullName) {
        if (fullName != null && !Objects.equals(fullName, user.fullName())) {
            users.updateFullName(user.id(), fullName);
            return user.withFullName(fullName);
        }
        return user;
    }
}
