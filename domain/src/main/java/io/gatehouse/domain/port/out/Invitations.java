package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Open invitations, at most one per workspace and address. */
public interface Invitations {

    /** Stores the invitation, replacing an open one of the workspace for the same address; returns what is stored. */
    Invitation upsert(Invitation invitation);

    /** The workspace's invitations not yet accepted or revoked (expired ones included, so admins see them lapse). */
    List<Invitation> ofWorkspace(WorkspaceId workspace);

    /** Unexpired invitations addressed to the email, with their workspace and inviter. */
    List<Invitation.Addressed> addressedTo(Email email, Instant now);

    Optional<Invitation> find(UUID id);

    /** Deletes the invitation if it belongs to the workspace. */
    boolean delete(WorkspaceId workspace, UUID id);

    /** Deletes the invitation; of two nodes accepting one invitation at once, only one gets true. */
    boolean take(UUID id);

    int purgeExpiredBefore(Instant cutoff);
}
