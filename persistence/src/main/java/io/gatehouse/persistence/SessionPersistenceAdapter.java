package io.gatehouse.persistence;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.port.out.Sessions;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class SessionPersistenceAdapter implements Sessions {

    private final SessionRepository repository;
    private final IdentityCache cache;
    private final IdentityChanges changes;

    SessionPersistenceAdapter(SessionRepository repository, IdentityCache cache, IdentityChanges changes) {
        this.repository = repository;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public void insert(Session session) {
        repository.save(new SessionRow(session.id().value(), session.userId().value(),
                session.tokenHash() == null ? null : session.tokenHash().hex(),
                session.authMethod().wireName(), session.createdAt(), session.lastSeenAt(), session.expiresAt(),
                session.ip(), session.userAgent(), null));
    }

    @Override
    public Optional<Session> findUnrevokedByTokenHash(TokenHash tokenHash) {
        return repository.findByTokenHashAndRevokedAtIsNull(tokenHash.hex()).map(SessionPersistenceAdapter::toSession);
    }

    @Override
    public Optional<Session> findUnrevokedOfActiveUser(SessionId id) {
        return repository.findUnrevokedOfActiveUser(id.value()).map(SessionPersistenceAdapter::toSession);
    }

    /** From {@link IdentityCache}: every revocation and user change below invalidates it on every node. */
    @Override
    public Optional<Session> findLiveFamily(SessionId id) {
        return cache.get(new IdentityCache.FamilyKey(id.value()), () -> findUnrevokedOfActiveUser(id), session -> session.userId().value());
    }

    @Override
    public List<Session> listUnrevoked(UserId userId, Instant now) {
        return repository.findUnrevoked(userId.value(), now).stream().map(SessionPersistenceAdapter::toSession).toList();
    }

    @Override
    public void touch(SessionId id, Instant at) {
        repository.touch(id.value(), at);
    }

    @Override
    public boolean revoke(UserId owner, SessionId id, Instant at) {
        return changed(owner, repository.revoke(owner.value(), id.value(), at)) == 1;
    }

    @Override
    public int revokeAll(UserId owner, Instant at) {
        return changed(owner, repository.revokeAll(owner.value(), at));
    }

    @Override
    public int revokeAllExcept(UserId owner, SessionId keep, Instant at) {
        return changed(owner, repository.revokeAllExcept(owner.value(), keep.value(), at));
    }

    private int changed(UserId owner, int revoked) {
        if (revoked > 0) {
            changes.userChanged(owner.value());
        }
        return revoked;
    }

    @Override
    public int purgeEndedBefore(Instant before) {
        return repository.purgeEndedBefore(before);
    }

    private static Session toSession(SessionRow row) {
        return new Session(new SessionId(row.id()), new UserId(row.userId()),
                row.tokenHash() == null ? null : new TokenHash(row.tokenHash()),
                WireNamed.parse(AuthMethod.class, row.authMethod()).orElseThrow(), row.createdAt(), row.lastSeenAt(),
                row.expiresAt(), row.ip(), row.userAgent());
    }
}
