package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Workspaces' claims on email domains and which workspace verified each domain. The database decides
 * who verified a domain first (a unique key on the domain), so two workspaces racing to verify one
 * domain cannot both own it.
 */
public interface DomainClaims {

    /** Adds a pending claim unless the workspace already has one on the domain; returns whether it was added. */
    boolean claim(WorkspaceId workspace, String domain, String challenge, Instant at);

    Optional<DomainClaim> find(WorkspaceId workspace, String domain);

    /** The workspace's claims, verified ones first, each with its status. */
    List<DomainClaim> ofWorkspace(WorkspaceId workspace);

    /** Removes the workspace's claim and, if it held it, its verification. */
    boolean delete(WorkspaceId workspace, String domain);

    /**
     * Records the workspace as the domain's verified owner, unless another workspace already is.
     *
     * @return true when the workspace owns the domain afterwards
     */
    boolean markVerified(WorkspaceId workspace, String domain, DomainClaim.VerificationMethod method, Instant at);

    /** The workspace that verified the domain, if any. */
    Optional<WorkspaceId> verifiedOwner(String domain);

    /** The domains among {@code domains} that a workspace other than {@code workspace} has verified. */
    List<String> verifiedElsewhere(WorkspaceId workspace, Collection<String> domains);
}
