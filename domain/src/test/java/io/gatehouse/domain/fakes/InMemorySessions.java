package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.Sessions;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemorySessions implements Sessions {

    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private final InMemoryUsers users;

    public InMemorySessions(InMemoryUsers users) {
        this.users = users;
    }
    private final Set<SessionId> revoked = new HashSet<>();
    private int touches;

    public int touches() {
        return touches;
    }

    public boolean isRevoked(SessionId id) {
        return revoked.contains(id);
    }

    @Override
    public void insert(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<Session> findUnrevokedByTokenHash(TokenHash tokenHash) {
        return sessions.values().stream()
                .filter(session -> tokenHash.equals(session.tokenHash()) && !revoked.contains(session.id()))
                .findFirst();
    }

    public Optional<Session> findUnrevokedById(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).filter(session -> !revoked.contains(id));
    }

    @Override
    public Optional<Session> findUnrevokedOfActiveUser(SessionId id) {
        return findUnrevokedById(id).filter(session -> users.findById(session.userId()).map(u -> u.isActive()).orElse(false));
    }

    @Override
    public List<Session> listUnrevoked(UserId userId, Instant now) {
        return sessions.values().stream()
                .filter(session -> session.userId().equals(userId) && !revoked.contains(session.id()) && session.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Session::createdAt).reversed())
                .toList();
    }

    @Override
    public void touch(SessionId id, Instant at) {
        touches++;
        sessions.computeIfPresent(id, (key, session) -> session.touchedAt(at));
    }

    @Override
    public boolean revoke(UserId owner, SessionId id, Instant at) {
        Session session = sessions.get(id);
        return session != null && session.userId().equals(owner) && revoked.add(id);
    }

    @Override
    public int revokeAll(UserId owner, Instant at) {
        return revokeWhere(owner, null);
    }

    @Override
    public int revokeAllExcept(UserId owner, SessionId keep, Instant at) {
        return revokeWhere(owner, keep);
    }

    @Override
    public int purgeEndedBefore(Instant before) {
        return 0;
    }

    private int revokeWhere(UserId owner, SessionId keep) {
        int count = 0;
        for (Session session : sessions.values()) {
            if (session.userId().equals(owner) && !session.id().equals(keep) && revoked.add(session.id())) {
                count++;
            }
        }
        return count;
    }
}
