package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.Users;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The SAML login state ports in memory, with the same single-use and uniqueness rules as the tables. */
public final class InMemorySamlState implements PendingSamlRequests, AssertionReplayCache, ExternalIdentities, LinkConfirmations,
        Snapshotting {

    private final Users users;
    private final Map<String, PendingSamlRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, Instant> assertionIds = new ConcurrentHashMap<>();
    private final Map<String, ExternalIdentity> identities = new ConcurrentHashMap<>();
    private final Map<TokenHash, LinkConfirmation> confirmations = new ConcurrentHashMap<>();

    public InMemorySamlState(Users users) {
        this.users = users;
    }

    private record State(Map<String, PendingSamlRequest> requests, Map<String, Instant> assertionIds,
                         Map<String, ExternalIdentity> identities, Map<TokenHash, LinkConfirmation> confirmations) {
    }

    @Override
    public synchronized Object snapshot() {
        return new State(Map.copyOf(requests), Map.copyOf(assertionIds), Map.copyOf(identities), Map.copyOf(confirmations));
    }

    @Override
    public synchronized void restore(Object snapshot) {
        State state = (State) snapshot;
        requests.clear();
        requests.putAll(state.requests());
        assertionIds.clear();
        assertionIds.putAll(state.assertionIds());
        identities.clear();
        identities.putAll(state.identities());
        confirmations.clear();
        confirmations.putAll(state.confirmations());
    }

    @Override
    public void insert(PendingSamlRequest request) {
        requests.put(request.requestId(), request);
    }

    @Override
    public Optional<PendingSamlRequest> take(WorkspaceId workspace, String requestId) {
        PendingSamlRequest request = requests.get(requestId);
        if (request == null || !request.workspaceId().equals(workspace) || !requests.remove(requestId, request)) {
            return Optional.empty();
        }
        return Optional.of(request);
    }

    @Override
    public int countOutstanding(WorkspaceId workspace, Instant now, int cap) {
        return (int) Math.min(cap, requests.values().stream().filter(r -> r.workspaceId().equals(workspace) && r.expiresAt().isAfter(now))
                .count());
    }

    @Override
    public Optional<Instant> firstExpiry(WorkspaceId workspace, Instant now) {
        return requests.values().stream().filter(r -> r.workspaceId().equals(workspace) && r.expiresAt().isAfter(now))
                .map(PendingSamlRequest::expiresAt).min(Instant::compareTo);
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = requests.size() + assertionIds.size() + confirmations.size();
        requests.values().removeIf(r -> r.expiresAt().isBefore(now));
        assertionIds.values().removeIf(until -> until.isBefore(now));
        confirmations.values().removeIf(c -> c.expiresAt().isBefore(now));
        return before - requests.size() - assertionIds.size() - confirmations.size();
    }

    @Override
    public boolean firstUse(WorkspaceId workspace, String assertionId, Instant keepUntil) {
        return assertionIds.putIfAbsent(workspace + "/" + assertionId, keepUntil) == null;
    }

    @Override
    public Optional<ExternalIdentity> find(String providerName, String externalId) {
        return Optional.ofNullable(identities.get(providerName + "/" + externalId));
    }

    @Override
    public Optional<LinkedAccount> findLinkedAccount(String providerName, String externalId) {
        return find(providerName, externalId).flatMap(identity -> users.findById(identity.userId())
                .map(user -> new LinkedAccount(identity, user)));
    }

    @Override
    public Optional<ExternalIdentity> findForUser(UserId user, String providerName) {
        return identities.values().stream().filter(i -> i.userId().equals(user) && i.providerName().equals(providerName)).findFirst();
    }

    @Override
    public List<ExternalIdentity> ofUser(UserId user) {
        return identities.values().stream().filter(i -> i.userId().equals(user)).toList();
    }

    @Override
    public synchronized boolean insertIfFree(ExternalIdentity identity) {
        if (findForUser(identity.userId(), identity.providerName()).isPresent()) {
            return false;
        }
        return identities.putIfAbsent(identity.providerName() + "/" + identity.externalId(), identity) == null;
    }

    @Override
    public void updateEmail(String providerName, String externalId, String email) {
        identities.computeIfPresent(providerName + "/" + externalId,
                (key, i) -> new ExternalIdentity(i.providerName(), i.externalId(), i.userId(), email, i.linkedAt()));
    }

    @Override
    public boolean delete(UserId user, String providerName) {
        return identities.values().removeIf(i -> i.userId().equals(user) && i.providerName().equals(providerName));
    }

    @Override
    public void insert(LinkConfirmation confirmation) {
        confirmations.put(confirmation.codeHash(), confirmation);
    }

    @Override
    public Optional<LinkConfirmation> find(TokenHash codeHash) {
        return Optional.ofNullable(confirmations.get(codeHash));
    }

    @Override
    public boolean delete(TokenHash codeHash) {
        return confirmations.remove(codeHash) != null;
    }
}
