package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AccountMailPolicy;
import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.InvitationUseCase;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.Invitations;
import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Membership by consent: an admin invites an email address (and the invitee gets a message), the
 * person who owns that address accepts. Accepting needs a verified email, so a squatter who signed up
 * with someone else's address can never collect an invitation meant for them (account pre-hijacking).
 * Only owners may invite owners, as only owners may grant the role.
 */
public final class InvitationService implements InvitationUseCase {

    private final Invitations invitations;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final WorkspaceAdmins admins;
    private final Users users;
    private final MailOutbox outbox;
    private final AccountMessages messages;
    private final AuditLog audit;
    private final Transactions transactions;
    private final AccountMailPolicy policy;
    private final Clock clock;

    public InvitationService(Invitations invitations, Workspaces workspaces, Memberships memberships, Users users, MailOutbox outbox,
                             AccountMessages messages, AuditLog audit, Transactions transactions, AccountMailPolicy policy, Clock clock) {
        this.invitations = invitations;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.admins = new WorkspaceAdmins(memberships);
        this.users = users;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public InvitationOutcome invite(UserId caller, WorkspaceId workspace, String rawEmail, Role role) {
        Optional<Role> callerRole = memberships.roleOf(workspace, caller);
        if (callerRole.isEmpty()) {
            return notFound();
        }
        if (!callerRole.get().isWorkspaceAdmin() || (role == Role.OWNER && callerRole.get() != Role.OWNER)) {
            return new InvitationRefused(ErrorCode.FORBIDDEN, role == Role.OWNER ? "only owners may invite owners"
                    : "only workspace admins may invite");
        }
        Optional<Email> email = Email.parse(rawEmail);
        if (email.isEmpty()) {
            return new InvitationRefused(ErrorCode.INVALID_EMAIL, "not a valid email address");
        }
        Optional<User> invitee = users.findByEmail(email.get());
        if (invitee.isPresent() && memberships.roleOf(workspace, invitee.get().id()).isPresent()) {
            return new InvitationRefused(ErrorCode.ALREADY_MEMBER, "this address already belongs to a member");
        }
        Workspace found = workspaces.findById(workspace).orElseThrow();
        Email inviter = users.findById(caller).map(User::email).orElseThrow();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Invitation stored = invitations.upsert(new Invitation(UUID.randomUUID(), workspace, email.get(), role, caller, now,
                    now.plus(policy.invitationLifetime())));
            outbox.enqueue(messages.invitation(email.get(), found.name(), inviter, role, policy.invitationLifetime()), now);
            audit.record(new AuditEvent(workspace, caller, "invitation.created", stored.id().toString(),
                    email.get().value() + " as " + role.wireName(), now));
            return new Invited(stored);
        });
    }

    @Override
    public InvitationOutcome pending(UserId caller, WorkspaceId workspace) {
        return asAdmin(caller, workspace, () -> new InvitationList(invitations.ofWorkspace(workspace)));
    }

    @Override
    public InvitationOutcome revoke(UserId caller, WorkspaceId workspace, UUID invitation) {
        return asAdmin(caller, workspace, () -> {
            if (!invitations.delete(workspace, invitation)) {
                return new InvitationRefused(ErrorCode.NOT_FOUND, "no such invitation");
            }
            audit.record(new AuditEvent(workspace, caller, "invitation.revoked", invitation.toString(), null, clock.instant()));
            return new Revoked();
        });
    }

    @Override
    public InvitationOutcome mine(UserId caller) {
        Optional<User> user = users.findById(caller);
        return user.isEmpty() ? new AddressedList(java.util.List.of())
                : new AddressedList(invitations.addressedTo(user.get().email(), clock.instant()));
    }

    @Override
    public InvitationOutcome accept(UserId caller, UUID id) {
        Optional<User> user = users.findById(caller).filter(User::isActive);
        Optional<Invitation> invitation = invitations.find(id);
        // Someone else's invitation is as unknown as a missing one: no oracle for who was invited where.
        if (user.isEmpty() || invitation.isEmpty() || !invitation.get().email().equals(user.get().email())) {
            return new InvitationRefused(ErrorCode.NOT_FOUND, "no such invitation for this account");
        }
        if (!user.get().emailVerified()) {
            return new InvitationRefused(ErrorCode.EMAIL_NOT_VERIFIED,
                    "confirm your email address first (POST /api/v1/me/verify-email sends a new link)");
        }
        Instant now = clock.instant();
        if (invitation.get().isExpiredAt(now)) {
            return new InvitationRefused(ErrorCode.INVITATION_EXPIRED, "the invitation expired at " + invitation.get().expiresAt()
                    + "; ask a workspace admin for a new one");
        }
        Invitation accepted = invitation.get();
        return transactions.inTransaction(() -> {
            workspaces.lockForUpdate(accepted.workspaceId());
            if (!invitations.take(id)) {
                return new InvitationRefused(ErrorCode.NOT_FOUND, "no such invitation for this account");
            }
            if (memberships.roleOf(accepted.workspaceId(), caller).isPresent()) {
                return new InvitationRefused(ErrorCode.ALREADY_MEMBER, "you are already a member of this workspace");
            }
            memberships.insert(new Membership(accepted.workspaceId(), caller, accepted.role(), now));
            audit.record(new AuditEvent(accepted.workspaceId(), caller, "invitation.accepted", accepted.id().toString(),
                    user.get().email().value() + " joined as " + accepted.role().wireName(), now));
            return new Joined(accepted.workspaceId(), new Member(caller, user.get().email(), user.get().fullName(), accepted.role(), now));
        });
    }

    private InvitationOutcome asAdmin(UserId caller, WorkspaceId workspace, java.util.function.Supplier<InvitationOutcome> action) {
        return admins.run(caller, workspace, "manage invitations", InvitationRefused::new, action);
    }

    private static InvitationRefused notFound() {
        return new InvitationRefused(ErrorCode.NOT_FOUND, "no such workspace");
    }
}
