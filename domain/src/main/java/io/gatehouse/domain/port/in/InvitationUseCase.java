package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.Member;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.List;
import java.util.UUID;

/** Workspace admins invite addresses; the owners of those addresses accept. */
public interface InvitationUseCase {

    InvitationOutcome invite(UserId caller, WorkspaceId workspace, String email, Role role);

    InvitationOutcome pending(UserId caller, WorkspaceId workspace);

    InvitationOutcome revoke(UserId caller, WorkspaceId workspace, UUID invitation);

    /** The invitations addressed to the caller's email. */
    InvitationOutcome mine(UserId caller);

    InvitationOutcome accept(UserId caller, UUID invitation);

    sealed interface InvitationOutcome {
    }

    record Invited(Invitation invitation) implements InvitationOutcome {
    }

    record InvitationList(List<Invitation> invitations) implements InvitationOutcome {
    }

    record AddressedList(List<Invitation.Addressed> invitations) implements InvitationOutcome {
    }

    record Revoked() implements InvitationOutcome {
    }

    record Joined(WorkspaceId workspace, Member member) implements InvitationOutcome {
    }

    record InvitationRefused(ErrorCode code, String detail) implements InvitationOutcome {
    }
}
