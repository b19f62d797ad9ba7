package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.Invitations;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryInvitations implements Invitations {

    private final Map<UUID, Invitation> invitations = new ConcurrentHashMap<>();
    private final InMemoryWorkspaces workspaces;
    private final InMemoryUsers users;

    public InMemoryInvitations(InMemoryWorkspaces workspaces, InMemoryUsers users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    @Override
    public synchronized Invitation upsert(Invitation invitation) {
        invitations.values().removeIf(i -> i.workspaceId().equals(invitation.workspaceId()) && i.email().equals(invitation.email()));
        invitations.put(invitation.id(), invitation);
        return invitation;
    }

    @Override
    public List<Invitation> ofWorkspace(WorkspaceId workspace) {
        return invitations.values().stream().filter(i -> i.workspaceId().equals(workspace))
                .sorted(Comparator.comparing(Invitation::createdAt)).toList();
    }

    @Override
    public List<Invitation.Addressed> addressedTo(Email email, Instant now) {
        return invitations.values().stream().filter(i -> i.email().equals(email) && !i.isExpiredAt(now))
                .map(i -> new Invitation.Addressed(i, workspaces.findById(i.workspaceId()).orElseThrow(),
                        users.findById(i.invitedBy()).orElseThrow().email())).toList();
    }

    @Override
    public Optional<Invitation> find(UUID id) {
        return Optional.ofNullable(invitations.get(id));
    }

    @Override
    public boolean delete(WorkspaceId workspace, UUID id) {
        Invitation found = invitations.get(id);
        return found != null && found.workspaceId().equals(workspace) && invitations.remove(id, found);
    }

    @Override
    public boolean take(UUID id) {
        return invitations.remove(id) != null;
    }

    @Override
    public int purgeExpiredBefore(Instant cutoff) {
        return 0;
    }
}
