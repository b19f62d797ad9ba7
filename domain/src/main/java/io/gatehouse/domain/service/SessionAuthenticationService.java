package io.gatehouse.domain.service;

import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.AuthenticateSessionUseCase;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a session cookie. {@code last_seen_at} is written only when it is older than the policy's
 * touch interval, so a busy client causes one write a minute, not one per request.
 */
public final class SessionAuthenticationService implements AuthenticateSessionUseCase {

    private final Sessions sessions;
    private final Users users;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionAuthenticationService(Sessions sessions, Users users, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<SessionPrincipal> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isEmpty() || presentedSecret.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Session> found = sessions.findUnrevokedByTokenHash(new SecretToken(presentedSecret).hash())
                .filter(session -> session.isUsableAt(now, policy));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Optional<User> user = users.findById(session.userId()).filter(User::isActive);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (session.needsTouchAt(now, policy)) {
            sessions.touch(session.id(), now);
            session = session.touchedAt(now);
        }
        return Optional.of(new SessionPrincipal(user.get(), session));
    }
}
