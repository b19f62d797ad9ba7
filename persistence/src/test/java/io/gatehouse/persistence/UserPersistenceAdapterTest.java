package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserStatus;
import io.gatehouse.domain.model.Membership;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.model.WorkspaceRole;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Profiles;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UserPersistenceAdapterTest extends PersistenceTest {

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    @Inject
    Profiles profiles;

    @Inject
    Workspaces workspaces;

    @Inject
    Memberships memberships;

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void insertThenFindByIdAndEmailReturnsTheSameUser() {
        User user = User.newMember(new Email("ada@example.com"), "Ada Lovelace", new PasswordHash("$argon2id$x"), NOW);

        assertThat(users.insertIfEmailFree(user)).isTrue();

        assertThat(users.findById(user.id())).contains(user);
        assertThat(users.findByEmail(new Email("ada@example.com"))).contains(user);
    }

    @Test
    void findWithWorkspacesReadsTheUserAndEveryMembershipOldestFirst() {
        User ada = User.newMember(new Email("profile-ada@example.com"), "Ada", new PasswordHash("$argon2id$x"), NOW);
        User loner = User.newMember(new Email("profile-loner@example.com"), null, null, NOW);
        users.insertIfEmailFree(ada);
        users.insertIfEmailFree(loner);
        Workspace later = new Workspace(WorkspaceId.random(), "Joined later", NOW);
        Workspace first = new Workspace(WorkspaceId.random(), "Joined first", NOW.minusSeconds(60));
        workspaces.insert(later);
        workspaces.insert(first);
        memberships.insert(new Membership(later.id(), ada.id(), Role.MEMBER, NOW.plusSeconds(10)));
        memberships.insert(new Membership(first.id(), ada.id(), Role.OWNER, NOW));
        // Someone else's membership must not show up in Ada's profile.
        memberships.insert(new Membership(later.id(), loner.id(), Role.ADMIN, NOW));

        Profiles.UserWithWorkspaces found = profiles.findWithWorkspaces(ada.id()).orElseThrow();

        assertThat(found.user()).isEqualTo(ada);
        assertThat(found.workspaces()).containsExactly(new WorkspaceRole(first, Role.OWNER), new WorkspaceRole(later, Role.MEMBER));
        assertThat(found.workspaces()).isEqualTo(memberships.workspacesOf(ada.id()));
    }

    @Test
    void findWithWorkspacesOfAUserWithoutWorkspacesOrOfNobody() {
        User solo = User.newMember(new Email("profile-solo@example.com"), "Solo", null, NOW);
        users.insertIfEmailFree(solo);

        assertThat(profiles.findWithWorkspaces(solo.id())).contains(new Profiles.UserWithWorkspaces(solo, List.of()));
        assertThat(profiles.findWithWorkspaces(UserId.random())).isEmpty();
    }

    @Test
    void insertWhenEmailTakenThenFalseAndFirstUserKept() {
        User first = User.newMember(new Email("grace@example.com"), "Grace", new PasswordHash("h1"), NOW);
        User second = User.newMember(new Email("grace@example.com"), "Impostor", new PasswordHash("h2"), NOW);

        assertThat(users.insertIfEmailFree(first)).isTrue();
        assertThat(users.insertIfEmailFree(second)).isFalse();

        assertThat(users.findByEmail(new Email("grace@example.com")).orElseThrow().fullName()).isEqualTo("Grace");
    }

    @Test
    void databaseRejectsNonCanonicalEmailSoUniquenessIsCaseInsensitive() throws SQLException {
        try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var statement = connection.prepareStatement(
                     "INSERT INTO users (id, email, status, instance_admin, created_at) VALUES (?, ?, 'active', FALSE, ?)")) {
            statement.setObject(1, java.util.UUID.randomUUID());
            statement.setString(2, "Mixed.Case@Example.com");
            statement.setObject(3, java.time.OffsetDateTime.now());
            org.assertj.core.api.Assertions.assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void concurrentInsertsOfOneEmailThenExactlyOneSucceeds() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            User user = User.newMember(new Email("race@example.com"), "Racer " + i, new PasswordHash("h"), NOW);
            Callable<Boolean> insert = () -> {
                start.await();
                return users.insertIfEmailFree(user);
            };
            results.add(pool.submit(insert));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> result : results) {
            successes += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(successes).isEqualTo(1);
    }

    @Test
    void updatesChangeOnlyTheNamedColumn() {
        User user = User.newMember(new Email("linus@example.com"), null, new PasswordHash("old"), NOW);
        users.insertIfEmailFree(user);
        Instant login = NOW.plus(1, ChronoUnit.HOURS);

        users.updatePasswordHash(user.id(), new PasswordHash("new"));
        users.updateStatus(user.id(), UserStatus.SUSPENDED);
        users.updateLastLoginAt(user.id(), login);
        users.updateInstanceAdmin(user.id(), true);

        User updated = users.findById(user.id()).orElseThrow();
        assertThat(updated.passwordHash().encoded()).isEqualTo("new");
        assertThat(updated.status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(updated.lastLoginAt()).isEqualTo(login);
        assertThat(updated.instanceAdmin()).isTrue();
        assertThat(updated.fullName()).isNull();
        assertThat(updated.email()).isEqualTo(user.email());
    }
}
