package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.EmailToken;
import io.gatehouse.domain.model.Invitation;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.EmailTokens;
import io.gatehouse.domain.port.out.Invitations;
import io.gatehouse.domain.port.out.MailOutbox;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Mailed-link tokens, the mail outbox's claims, invitations and the verified flag, as the database keeps them. */
@MicronautTest(transactional = false)
class VerifiedClaimsPersistenceTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    Users users;
    @Inject
    Workspaces workspaces;
    @Inject
    EmailTokens tokens;
    @Inject
    MailOutbox outbox;
    @Inject
    Invitations invitations;

    @Test
    void anAccountsEmailIsVerifiedAndItsPasswordCanBeRemoved() {
        User user = user();
        assertThat(users.findById(user.id()).orElseThrow().emailVerified()).isFalse();

        users.markEmailVerified(user.id());
        users.removePassword(user.id());

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.hasPassword()).isFalse();
    }

    @Test
    void aTokenIsTakenOnceAndOnlyForItsPurpose() {
        User user = user();
        SecretToken secret = SecretToken.generate(new SecureRandom());
        tokens.insert(new EmailToken(secret.hash(), user.id(), EmailToken.Purpose.PASSWORD_RESET, NOW, NOW.plusSeconds(1800)));

        assertThat(tokens.take(secret.hash(), EmailToken.Purpose.EMAIL_VERIFICATION)).isEmpty();
        assertThat(tokens.find(secret.hash(), EmailToken.Purpose.PASSWORD_RESET)).isPresent();
        assertThat(tokens.take(secret.hash(), EmailToken.Purpose.PASSWORD_RESET)).hasValueSatisfying(t -> {
            assertThat(t.userId()).isEqualTo(user.id());
            assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(1800));
        });
        assertThat(tokens.take(secret.hash(), EmailToken.Purpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void deletingAUsersTokensForAPurposeLeavesTheOthers() {
        User user = user();
        SecretToken reset = SecretToken.generate(new SecureRandom());
        SecretToken verify = SecretToken.generate(new SecureRandom());
        tokens.insert(new EmailToken(reset.hash(), user.id(), EmailToken.Purpose.PASSWORD_RESET, NOW, NOW.plusSeconds(60)));
        tokens.insert(new EmailToken(verify.hash(), user.id(), EmailToken.Purpose.EMAIL_VERIFICATION, NOW, NOW.plusSeconds(60)));

        assertThat(tokens.deleteAll(user.id(), EmailToken.Purpose.PASSWORD_RESET)).isEqualTo(1);
        assertThat(tokens.find(verify.hash(), EmailToken.Purpose.EMAIL_VERIFICATION)).isPresent();
        assertThat(tokens.purgeExpired(NOW.plusSeconds(61))).isGreaterThanOrEqualTo(1);
        assertThat(tokens.find(verify.hash(), EmailToken.Purpose.EMAIL_VERIFICATION)).isEmpty();
    }

    @Test
    void ofManyNodesClaimingOneMessageExactlyOneWinsAndASentMessageKeepsNoBody() throws Exception {
        UUID id = outbox.enqueue(new OutgoingMail(OutgoingMail.Kind.PASSWORD_RESET, new Email("race@x.test"), "s",
                "https://login/reset-password?token=secret", "<p>secret</p>"), NOW);
        QueuedMail seen = outbox.due(NOW, 1000).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        assertThat(seen.mail().text()).contains("token=secret");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> claims = java.util.stream.IntStream.range(0, 6).<Callable<Boolean>>mapToObj(i ->
                    () -> outbox.claim(seen, NOW.plusSeconds(300)).isPresent()).toList();
            long winners = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                winners += claim.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(outbox.due(NOW.plusSeconds(299), 1000)).extracting(QueuedMail::id).doesNotContain(id);
        assertThat(outbox.due(NOW.plusSeconds(300), 1000)).as("the lease ended").extracting(QueuedMail::id).contains(id);

        QueuedMail stale = new QueuedMail(id, seen.mail(), seen.createdAt(), 0, seen.version());
        outbox.sent(stale, NOW.plusSeconds(1));
        assertThat(outbox.due(NOW.plusSeconds(300), 1000)).as("a stale claim records nothing").extracting(QueuedMail::id).contains(id);
        QueuedMail current = new QueuedMail(id, seen.mail(), seen.createdAt(), 0, seen.version() + 1);
        outbox.sent(current, NOW.plusSeconds(1));
        assertThat(outbox.due(NOW.plusSeconds(3600), 1000)).extracting(QueuedMail::id).doesNotContain(id);
        assertThat(outbox.purgeFinishedBefore(NOW.plusSeconds(2))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailedMessageWaitsForItsNextAttemptAndAGivenUpOneNeverReturns() {
        UUID retried = outbox.enqueue(new OutgoingMail(OutgoingMail.Kind.INVITATION, new Email("r@x.test"), "s", "t", "h"), NOW);
        UUID dropped = outbox.enqueue(new OutgoingMail(OutgoingMail.Kind.INVITATION, new Email("d@x.test"), "s", "t", "h"), NOW);
        long pendingBefore = outbox.backlog().pending();

        outbox.failed(claim(retried), "relay down", NOW, Optional.of(NOW.plusSeconds(30)));
        outbox.failed(claim(dropped), "relay down", NOW, Optional.empty());

        assertThat(outbox.due(NOW.plusSeconds(29), 1000)).extracting(QueuedMail::id).doesNotContain(retried, dropped);
        assertThat(outbox.due(NOW.plusSeconds(30), 1000)).filteredOn(m -> m.id().equals(retried)).singleElement()
                .satisfies(m -> assertThat(m.attempts()).isEqualTo(1));
        assertThat(outbox.due(NOW.plusSeconds(99_999), 1000)).extracting(QueuedMail::id).doesNotContain(dropped);
        assertThat(outbox.backlog().pending()).isEqualTo(pendingBefore - 1);
        assertThat(outbox.backlog().oldestCreatedAt()).isPresent();
    }

    @Test
    void oneOpenInvitationPerAddressWhichItsInviteeSeesWithTheWorkspaceAndInviter() {
        User inviter = user();
        Workspace workspace = new Workspace(WorkspaceId.random(), "Acme", NOW);
        workspaces.insert(workspace);
        Email invitee = new Email(UUID.randomUUID() + "@invitee.test");
        Invitation first = invitations.upsert(new Invitation(UUID.randomUUID(), workspace.id(), invitee, Role.MEMBER, inviter.id(), NOW,
                NOW.plusSeconds(600)));
        Invitation second = invitations.upsert(new Invitation(UUID.randomUUID(), workspace.id(), invitee, Role.ADMIN, inviter.id(), NOW,
                NOW.plusSeconds(600)));

        assertThat(invitations.ofWorkspace(workspace.id())).extracting(Invitation::id).containsExactly(second.id());
        assertThat(invitations.find(first.id())).isEmpty();
        assertThat(invitations.addressedTo(invitee, NOW)).singleElement().satisfies(a -> {
            assertThat(a.workspace().name()).isEqualTo("Acme");
            assertThat(a.inviterEmail()).isEqualTo(inviter.email());
            assertThat(a.invitation().role()).isEqualTo(Role.ADMIN);
        });
        assertThat(invitations.addressedTo(invitee, NOW.plusSeconds(600))).as("expired").isEmpty();
        assertThat(invitations.delete(WorkspaceId.random(), second.id())).as("another workspace").isFalse();
        assertThat(invitations.take(second.id())).isTrue();
        assertThat(invitations.take(second.id())).isFalse();
    }

    private QueuedMail claim(UUID id) {
        QueuedMail due = outbox.due(NOW, 1000).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        return outbox.claim(due, NOW.plusSeconds(60)).orElseThrow();
    }

    private User user() {
        User user = User.newMember(new Email(UUID.randomUUID() + "@claims.test"), null, new PasswordHash("h"), NOW);
        users.insertIfEmailFree(user);
        return user;
    }
}
