package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Users;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SessionPersistenceAdapterTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Sessions sessions;

    @Inject
    Users users;

    @Test
    void findByTokenHashReturnsTheSessionUntilItIsRevoked() {
        User alice = user("alice");
        SecretToken secret = SecretToken.generate(RANDOM);
        Session session = session(alice, secret, NOW);
        sessions.insert(session);

        assertThat(sessions.findUnrevokedByTokenHash(secret.hash())).contains(session);
        assertThat(sessions.revoke(alice.id(), session.id(), NOW.plusSeconds(5))).isTrue();
        assertThat(sessions.findUnrevokedByTokenHash(secret.hash())).isEmpty();
        assertThat(sessions.revoke(alice.id(), session.id(), NOW.plusSeconds(6))).as("already revoked").isFalse();
    }

    @Test
    void revokeWithAnotherUsersIdLeavesTheSessionAlone() {
        User alice = user("alice2");
        User mallory = user("mallory");
        SecretToken secret = SecretToken.generate(RANDOM);
        Session session = session(alice, secret, NOW);
        sessions.insert(session);

        assertThat(sessions.revoke(mallory.id(), session.id(), NOW)).isFalse();
        assertThat(sessions.findUnrevokedByTokenHash(secret.hash())).isPresent();
    }

    @Test
    void listUnrevokedIsNewestFirstAndSkipsRevokedAndExpired() {
        User bob = user("bob");
        Session older = session(bob, SecretToken.generate(RANDOM), NOW.minusSeconds(60));
        Session newer = session(bob, SecretToken.generate(RANDOM), NOW);
        Session revoked = session(bob, SecretToken.generate(RANDOM), NOW);
        Session expired = new Session(SessionId.random(), bob.id(), SecretToken.generate(RANDOM).hash(), AuthMethod.PASSWORD,
                NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)), NOW.minusSeconds(1), "10.0.0.1", "ua");
        sessions.insert(older);
        sessions.insert(newer);
        sessions.insert(revoked);
        sessions.insert(expired);
        sessions.revoke(bob.id(), revoked.id(), NOW);

        assertThat(sessions.listUnrevoked(bob.id(), NOW)).extracting(Session::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void revokeAllExceptKeepsOnlyTheNamedSession() {
        User carol = user("carol");
        Session keep = session(carol, SecretToken.generate(RANDOM), NOW);
        Session other = session(carol, SecretToken.generate(RANDOM), NOW);
        sessions.insert(keep);
        sessions.insert(other);

        assertThat(sessions.revokeAllExcept(carol.id(), keep.id(), NOW)).isEqualTo(1);
        assertThat(sessions.listUnrevoked(carol.id(), NOW)).extracting(Session::id).containsExactly(keep.id());
        assertThat(sessions.revokeAll(carol.id(), NOW)).isEqualTo(1);
        assertThat(sessions.listUnrevoked(carol.id(), NOW)).isEmpty();
    }

    @Test
    void touchOnlyMovesLastSeenForward() {
        User dave = user("dave");
        SecretToken secret = SecretToken.generate(RANDOM);
        sessions.insert(session(dave, secret, NOW));

        sessions.touch(sessions.findUnrevokedByTokenHash(secret.hash()).orElseThrow().id(), NOW.plusSeconds(90));
        sessions.touch(sessions.findUnrevokedByTokenHash(secret.hash()).orElseThrow().id(), NOW.plusSeconds(30));

        assertThat(sessions.findUnrevokedByTokenHash(secret.hash()).orElseThrow().lastSeenAt()).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void purgeRemovesExpiredAndLongRevokedRowsOnly() {
        // Its own point in time, well before every other test's rows, so the count is this test's alone.
        Instant then = NOW.minus(Duration.ofDays(20));
        User erin = user("erin");
        SecretToken liveSecret = SecretToken.generate(RANDOM);
        Session live = session(erin, liveSecret, then);
        Session revoked = session(erin, SecretToken.generate(RANDOM), then);
        sessions.insert(live);
        sessions.insert(revoked);
        sessions.revoke(erin.id(), revoked.id(), then);

        assertThat(sessions.purgeEndedBefore(then.plusSeconds(1))).isEqualTo(1);
        assertThat(sessions.findUnrevokedByTokenHash(liveSecret.hash())).isPresent();
    }

    @Test
    void familyOfASuspendedUserOrARevokedFamilyIsNotFound() {
        User frank = user("frank");
        Session family = new Session(SessionId.random(), frank.id(), null, AuthMethod.PASSWORD, NOW, NOW, NOW.plus(Duration.ofDays(1)),
                "192.0.2.5", null);
        sessions.insert(family);

        assertThat(sessions.findUnrevokedOfActiveUser(family.id())).contains(family);
        users.updateStatus(frank.id(), io.gatehouse.domain.model.UserStatus.SUSPENDED);
        assertThat(sessions.findUnrevokedOfActiveUser(family.id())).isEmpty();
        users.updateStatus(frank.id(), io.gatehouse.domain.model.UserStatus.ACTIVE);
        sessions.revoke(frank.id(), family.id(), NOW);
        assertThat(sessions.findUnrevokedOfActiveUser(family.id())).isEmpty();
    }

    private User user(String name) {
        User user = User.newMember(new Email(name + "@sessions.example"), name, new PasswordHash("h"), NOW);
        users.insertIfEmailFree(user);
        return user;
    }

    private static Session session(User user, SecretToken secret, Instant createdAt) {
        return new Session(SessionId.random(), user.id(), secret.hash(), AuthMethod.PASSWORD, createdAt, createdAt,
                createdAt.plus(Duration.ofDays(7)), "192.0.2.1", "JUnit");
    }
}
