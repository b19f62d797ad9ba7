package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.DomainClaims;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Claims in memory, with the database's rule that the first workspace to verify a domain owns it. */
public final class InMemoryDomainClaims implements DomainClaims {

    private record Key(WorkspaceId workspace, String domain) {
    }

    private record Pending(String challenge, Instant createdAt) {
    }

    private record Verification(WorkspaceId workspace, DomainClaim.VerificationMethod method, Instant at) {
    }

    private final Map<Key, Pending> claims = new ConcurrentHashMap<>();
    private final Map<String, Verification> verified = new ConcurrentHashMap<>();

    @Override
    public boolean claim(WorkspaceId workspace, String domain, String challenge, Instant at) {
        return claims.putIfAbsent(new Key(workspace, domain), new Pending(challenge, at)) == null;
    }

    @Override
    public Optional<DomainClaim> find(WorkspaceId workspace, String domain) {
        Pending pending = claims.get(new Key(workspace, domain));
        if (pending == null) {
            return Optional.empty();
        }
        Verification verification = verified.get(domain);
        DomainClaim.Status status = verification == null ? DomainClaim.Status.PENDING
                : verification.workspace().equals(workspace) ? DomainClaim.Status.VERIFIED : DomainClaim.Status.TAKEN;
        boolean mine = status == DomainClaim.Status.VERIFIED;
        return Optional.of(new DomainClaim(workspace, domain, pending.challenge(), pending.createdAt(), status,
                mine ? verification.at() : null, mine ? verification.method() : null));
    }

    @Override
    public List<DomainClaim> ofWorkspace(WorkspaceId workspace) {
        return claims.keySet().stream().filter(k -> k.workspace().equals(workspace)).map(k -> find(workspace, k.domain()).orElseThrow())
                .sorted(Comparator.comparing(DomainClaim::domain)).toList();
    }

    @Override
    public boolean delete(WorkspaceId workspace, String domain) {
        verified.computeIfPresent(domain, (d, v) -> v.workspace().equals(workspace) ? null : v);
        return claims.remove(new Key(workspace, domain)) != null;
    }

    @Override
    public boolean markVerified(WorkspaceId workspace, String domain, DomainClaim.VerificationMethod method, Instant at) {
        if (!claims.containsKey(new Key(workspace, domain))) {
            throw new IllegalStateException("no claim to verify");
        }
        return verified.computeIfAbsent(domain, d -> new Verification(workspace, method, at)).workspace().equals(workspace);
    }

    @Override
    public Optional<WorkspaceId> verifiedOwner(String domain) {
        return Optional.ofNullable(verified.get(domain)).map(Verification::workspace);
    }

    @Override
    public List<String> verifiedElsewhere(WorkspaceId workspace, Collection<String> domains) {
        return domains.stream().filter(d -> verifiedOwner(d).filter(owner -> !owner.equals(workspace)).isPresent()).toList();
    }
}
