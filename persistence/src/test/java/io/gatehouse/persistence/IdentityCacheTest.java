package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Profiles;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The families and profiles every bearer request reads are served from memory until a change of their
 * user, made through the adapters, invalidates them; a row changed behind the adapters' back is not
 * seen (which is how these tests tell the memory from the database).
 */
@MicronautTest(transactional = false)
class IdentityCacheTest extends PersistenceTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @Inject
    Sessions sessions;

    @Inject
    Users users;

    @Inject
    Profiles profiles;

    @Inject
    Workspaces workspaces;

    @Inject
    Memberships memberships;

    @Inject
    Transactions transactions;

    @Inject
    DataSource dataSource;

    @Inject
    IdentityChanges changes;

    @Test
    void aFamilyIsServedFromMemoryUntilItsUserChangesThroughTheAdapters() {
        User ada = user("ada");
        Session family = family(ada);
        assertThat(sessions.findLiveFamily(family.id())).contains(family);

        sql("UPDATE sessions SET revoked_at = ? WHERE id = ?", java.sql.Timestamp.from(NOW), family.id().value());
        assertThat(sessions.findLiveFamily(family.id())).as("from memory: the bypassing update is not seen").contains(family);
        assertThat(sessions.findUnrevokedOfActiveUser(family.id())).as("the uncached read sees it").isEmpty();

        users.updateStatus(ada.id(), UserStatus.ACTIVE); // any change of ada through the adapters
        assertThat(sessions.findLiveFamily(family.id())).isEmpty();
    }

    @Test
    void revocationAndSuspensionThroughTheAdaptersAreSeenAtOnce() {
        User bob = user("bob");
        Session first = family(bob);
        Session second = family(bob);
        assertThat(sessions.findLiveFamily(first.id())).isPresent();
        assertThat(sessions.findLiveFamily(second.id())).isPresent();

        sessions.revoke(bob.id(), first.id(), NOW);
        assertThat(sessions.findLiveFamily(first.id())).isEmpty();
        assertThat(sessions.findLiveFamily(second.id())).isPresent();

        users.updateStatus(bob.id(), UserStatus.SUSPENDED);
        assertThat(sessions.findLiveFamily(second.id())).isEmpty();
    }

    /**
     * A reader that loads while the revoking transaction is still open sees the old row and would cache it;
     * the change is recorded again after the commit, so that entry does not count afterwards.
     */
    @Test
    void aFamilyReadWhileItsRevocationWasUncommittedIsNotServedAfterTheCommit() {
        User cleo = user("cleo");
        Session family = family(cleo);

        transactions.inTransaction(() -> {
            sessions.revoke(cleo.id(), family.id(), NOW);
            Optional<Session> seenMeanwhile = CompletableFuture.supplyAsync(() -> sessions.findLiveFamily(family.id())).join();
            assertThat(seenMeanwhile).as("another connection still reads the committed row").contains(family);
            return null;
        });

        assertThat(sessions.findLiveFamily(family.id())).isEmpty();
    }

    @Test
    void aProfileIsServedFromMemoryUntilAMembershipOfItsUserChanges() {
        User dora = user("dora");
        Workspace workspace = new Workspace(WorkspaceId.random(), "Cached", NOW);
        workspaces.insert(workspace);
        memberships.insert(new Membership(workspace.id(), dora.id(), Role.MEMBER, NOW));
        settle();
        assertThat(profiles.findWithWorkspaces(dora.id()).orElseThrow().workspaces()).singleElement()
                .satisfies(role -> assertThat(role.role()).isEqualTo(Role.MEMBER));

        sql("UPDATE users SET full_name = ? WHERE id = ?", "Behind The Back", dora.id().value());
        assertThat(profiles.findWithWorkspaces(dora.id()).orElseThrow().user().fullName()).as("from memory").isEqualTo("dora");

        memberships.updateRole(workspace.id(), dora.id(), Role.ADMIN);
        var profile = profiles.findWithWorkspaces(dora.id()).orElseThrow();
        assertThat(profile.workspaces().get(0).role()).isEqualTo(Role.ADMIN);
        assertThat(profile.user().fullName()).isEqualTo("Behind The Back");
    }

    private User user(String name) {
        User user = User.newMember(new Email(name + "-" + UUID.randomUUID() + "@cache.example"), name, new PasswordHash("h"), NOW);
        users.insertIfEmailFree(user);
        return user;
    }

    private Session family(User user) {
        Session family = new Session(SessionId.random(), user.id(), null, AuthMethod.PASSWORD, NOW, NOW, NOW.plus(Duration.ofDays(1)),
                "192.0.2.7", null);
        sessions.insert(family);
        return family;
    }

    /**
     * Waits until this node's own notifications of the changes above have arrived (on PostgreSQL they come
     * back through its listener a moment after the commit, and invalidate what was cached before them).
     */
    private void settle() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        IdentityChanges.Stamp before;
        do {
            before = changes.stamp();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        } while (!before.equals(changes.stamp()) && System.nanoTime() < deadline);
    }

    private void sql(String update, Object... parameters) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(update)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
