package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import java.time.Instant;
import java.util.List;

/** Counts sessions revoked by their user: one by one, or by logging out (here or everywhere). */
final class MeteredSessions implements ManageSessionsUseCase {

    private final ManageSessionsUseCase delegate;
    private final TokenMetrics tokens;

    MeteredSessions(ManageSessionsUseCase delegate, TokenMetrics tokens) {
        this.delegate = delegate;
        this.tokens = tokens;
    }

    @Override
    public List<SessionView> list(UserId userId, SessionId current) {
        return delegate.list(userId, current);
    }

    @Override
    public boolean revoke(UserId userId, SessionId sessionId) {
        boolean revoked = delegate.revoke(userId, sessionId);
        if (revoked) {
            tokens.revoked(TokenMetrics.Kind.SESSION, 1);
        }
        return revoked;
    }

    @Override
    public void logout(UserId userId, SessionId current, boolean everywhere) {
        delegate.logout(userId, current, everywhere);
        tokens.revoked(TokenMetrics.Kind.SESSION, 1);
    }

    @Override
    public Instant bump(UserId userId, SessionId current) {
        return delegate.bump(userId, current);
    }
}
