package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.PasswordLoginUseCase.LoggedIn;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/** Opens a session for a user who has just proven who they are, by whatever method. */
public final class SessionIssuer {

    private final Sessions sessions;
    private final Users users;
    private final SessionPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    public SessionIssuer(Sessions sessions, Users users, SessionPolicy policy, SecureRandom random, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    /** A browser session: the returned secret goes into the cookie. */
    public LoggedIn open(User user, AuthMethod method, ClientInfo client) {
        SecretToken secret = SecretToken.generate(random);
        Session session = start(user, method, client, secret.hash());
        return new LoggedIn(user.withLastLoginAt(session.createdAt()), session, secret);
    }

    /** A token family without a cookie: its id becomes the {@code sid} of the tokens issued from it. */
    public Session openTokenFamily(User user, AuthMethod method, ClientInfo client) {
        return start(user, method, client, null);
    }

    private Session start(User user, AuthMethod method, ClientInfo client, SecretToken.TokenHash cookieHash) {
        Instant now = clock.instant();
        Session session = new Session(SessionId.random(), user.id(), cookieHash, method, now, now,
                now.plus(policy.absoluteLifetime()), client.ip(), client.userAgent());
        sessions.insert(session);
        users.updateLastLoginAt(user.id(), now);
        return session;
    }
}
