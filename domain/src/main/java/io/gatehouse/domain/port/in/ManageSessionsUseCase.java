package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import java.time.Instant;
import java.util.List;

/** A user's view of, and control over, their own sessions. */
public interface ManageSessionsUseCase {

    /** The user's usable sessions, newest first, the one making the request flagged. */
    List<SessionView> list(UserId userId, SessionId current);

    /**
     * Idempotent, and scoped to the user: another user's session id is silently ignored.
     *
     * @return whether a live session of this user was revoked just now
     */
    boolean revoke(UserId userId, SessionId sessionId);

    /** Ends the current session, or with {@code everywhere} every session of the user. */
    void logout(UserId userId, SessionId current, boolean everywhere);

    /** Records activity on the session (if any) and the user's last login time; returns that time. */
    Instant bump(UserId userId, SessionId current);

    record SessionView(Session session, boolean current) {
    }
}
