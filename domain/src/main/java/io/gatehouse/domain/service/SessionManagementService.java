package io.gatehouse.domain.service;

import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class SessionManagementService implements ManageSessionsUseCase {

    private final Sessions sessions;
    private final Users users;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionManagementService(Sessions sessions, Users users, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<SessionView> list(UserId userId, SessionId current) {
        Instant now = clock.instant();
        return sessions.listUnrevoked(userId, now).stream()
                .filter(session -> session.isUsableAt(now, policy))
                .map(session -> new SessionView(session, session.id().equals(current)))
                .toList();
    }

    @Override
    public boolean revoke(UserId userId, SessionId sessionId) {
        return sessions.revoke(userId, sessionId, clock.instant());
    }

    @Override
    public void logout(UserId userId, SessionId current, boolean everywhere) {
        if (everywhere) {
            sessions.revokeAll(userId, clock.instant());
        } else {
            sessions.revoke(userId, current, clock.instant());
        }
    }

    @Override
    public Instant bump(UserId userId, SessionId current) {
        Instant now = clock.instant();
        if (current != null) {
            sessions.touch(current, now);
        }
        users.updateLastLoginAt(userId, now);
        return now;
    }
}
