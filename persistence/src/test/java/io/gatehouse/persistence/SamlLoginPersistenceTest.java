package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.LinkConfirmation;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SAML login state that nodes share through the database: single use, uniqueness and expiry. */
@MicronautTest(transactional = false)
class SamlLoginPersistenceTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Inject
    PendingSamlRequests requests;
    @Inject
    AssertionReplayCache replayCache;
    @Inject
    ExternalIdentities identities;
    @Inject
    LinkConfirmations confirmations;
    @Inject
    SsoEvents events;
    @Inject
    Users users;
    @Inject
    Workspaces workspaces;

    @Test
    void aPendingRequestIsTakenOnceAndOnlyByItsWorkspace() {
        WorkspaceId workspace = workspace();
        WorkspaceId other = workspace();
        User linking = user();
        requests.insert(new PendingSamlRequest("id-take", workspace, "relay", linking.id(), "web", "xyz", "/home", NOW,
                NOW.plusSeconds(60)));

        assertThat(requests.take(other, "id-take")).as("another workspace's ACS").isEmpty();
        PendingSamlRequest taken = requests.take(workspace, "id-take").orElseThrow();
        assertThat(taken.linkingUser()).isEqualTo(linking.id());
        assertThat(taken.redirect()).isEqualTo("/home");
        assertThat(taken.createdAt()).isEqualTo(NOW);
        assertThat(requests.take(workspace, "id-take")).as("second use").isEmpty();
    }

    @Test
    void expiredRequestsArePurged() {
        WorkspaceId workspace = workspace();
        requests.insert(new PendingSamlRequest("id-old", workspace, "r", null, null, null, null, NOW.minusSeconds(600), NOW.minusSeconds(1)));
        requests.insert(new PendingSamlRequest("id-new", workspace, "r", null, null, null, null, NOW, NOW.plusSeconds(60)));

        assertThat(requests.purgeExpired(NOW)).isGreaterThanOrEqualTo(1);
        assertThat(requests.take(workspace, "id-old")).isEmpty();
        assertThat(requests.take(workspace, "id-new")).isPresent();
    }

    @Test
    void anAssertionIdIsAcceptedOncePerWorkspaceUntilPurged() {
        WorkspaceId workspace = workspace();
        WorkspaceId other = workspace();

        assertThat(replayCache.firstUse(workspace, "_a1", NOW.plusSeconds(300))).isTrue();
        assertThat(replayCache.firstUse(workspace, "_a1", NOW.plusSeconds(300))).as("replay").isFalse();
        assertThat(replayCache.firstUse(other, "_a1", NOW.plusSeconds(300))).as("ids are per IdP").isTrue();
        assertThat(replayCache.purgeExpired(NOW.plusSeconds(301))).isGreaterThanOrEqualTo(2);
        assertThat(replayCache.firstUse(workspace, "_a1", NOW.plusSeconds(600))).isTrue();
    }

    @Test
    void anIdentityBelongsToOneUserAndAUserHasOneIdentityPerProvider() {
        User alice = user();
        User bob = user();
        String provider = "saml:" + UUID.randomUUID();

        assertThat(identities.insertIfFree(new ExternalIdentity(provider, "alice-id", alice.id(), "a@x.example", NOW))).isTrue();
        assertThat(identities.insertIfFree(new ExternalIdentity(provider, "alice-id", bob.id(), "b@x.example", NOW)))
                .as("same identity, other user").isFalse();
        assertThat(identities.insertIfFree(new ExternalIdentity(provider, "alice-2", alice.id(), "a@x.example", NOW)))
                .as("same user, second identity at the provider").isFalse();
        identities.updateEmail(provider, "alice-id", "alice@x.example");

        assertThat(identities.find(provider, "alice-id").orElseThrow().email()).isEqualTo("alice@x.example");
        assertThat(identities.ofUser(alice.id())).hasSize(1);
        assertThat(identities.delete(bob.id(), provider)).isFalse();
        assertThat(identities.delete(alice.id(), provider)).isTrue();
        assertThat(identities.findForUser(alice.id(), provider)).isEmpty();
    }

    @Test
    void aLinkConfirmationIsDeletedOnce() {
        User alice = user();
        WorkspaceId workspace = workspace();
        SecretToken.TokenHash hash = SecretToken.generate(new SecureRandom()).hash();
        confirmations.insert(new LinkConfirmation(hash, alice.id(), ExternalIdentity.samlProvider(workspace), workspace, "nameid",
                "a@x.example", "Alice A", NOW.plusSeconds(60)));

        LinkConfirmation found = confirmations.find(hash).orElseThrow();
        assertThat(found.fullName()).isEqualTo("Alice A");
        assertThat(found.providerName()).isEqualTo("saml:" + workspace);
        assertThat(found.workspaceId()).isEqualTo(workspace);
        assertThat(confirmations.delete(hash)).isTrue();
        assertThat(confirmations.delete(hash)).isFalse();
        assertThat(confirmations.find(hash)).isEmpty();
    }

    /** An instance provider's identity has no workspace. */
    @Test
    void aLinkConfirmationForAnInstanceProviderHasNoWorkspace() {
        User alice = user();
        SecretToken.TokenHash hash = SecretToken.generate(new SecureRandom()).hash();
        confirmations.insert(new LinkConfirmation(hash, alice.id(), "corp-okta", null, "sub-1", "a@x.example", null, NOW.plusSeconds(60)));

        LinkConfirmation found = confirmations.find(hash).orElseThrow();
        assertThat(found.providerName()).isEqualTo("corp-okta");
        assertThat(found.workspaceId()).isNull();
        assertThat(found.externalId()).isEqualTo("sub-1");
    }

    @Test
    void eventsAreListedNewestFirstWithinTheLimit() {
        WorkspaceId workspace = workspace();
        for (int i = 0; i < 5; i++) {
            events.record(new SsoEvent(workspace, NOW.plusSeconds(i), SsoEvent.Outcome.FAILURE, "saml_expired", "event " + i,
                    null, "192.0.2.1"));
        }
        events.record(new SsoEvent(workspace(), NOW.plusSeconds(9), SsoEvent.Outcome.SUCCESS, "ok", "elsewhere", "x@y.example", null));

        assertThat(events.recent(workspace, 3)).extracting(SsoEvent::detail).containsExactly("event 4", "event 3", "event 2");
        assertThat(events.purgeOlderThan(NOW.plusSeconds(2))).isGreaterThanOrEqualTo(2);
        assertThat(events.recent(workspace, 10)).hasSize(3);
    }

    @Test
    void outstandingRequestsAreCountedPerWorkspaceUpToTheCap() {
        WorkspaceId workspace = workspace();
        for (int i = 0; i < 5; i++) {
            requests.insert(new PendingSamlRequest("id-cap-" + workspace + i, workspace, "r", null, null, null, null, NOW,
                    NOW.plusSeconds(60 + i)));
        }
        requests.insert(new PendingSamlRequest("id-cap-expired" + workspace, workspace, "r", null, null, null, null, NOW.minusSeconds(600),
                NOW.minusSeconds(1)));

        assertThat(requests.countOutstanding(workspace, NOW, 100)).isEqualTo(5);
        assertThat(requests.countOutstanding(workspace, NOW, 3)).as("counted up to the cap only").isEqualTo(3);
        assertThat(requests.countOutstanding(workspace(), NOW, 100)).isZero();
        assertThat(requests.firstExpiry(workspace, NOW)).contains(NOW.plusSeconds(60));
        assertThat(requests.firstExpiry(workspace(), NOW)).isEmpty();
    }

    @Test
    void identicalFailuresWithinTheFoldWindowCountOnOneEvent() {
        WorkspaceId workspace = workspace();
        assertThat(events.recordFailure(failure(workspace, NOW, "saml_malformed", "first", null, "192.0.2.1"), NOW.minusSeconds(600)))
                .isFalse();
        assertThat(events.recordFailure(failure(workspace, NOW.plusSeconds(5), "saml_malformed", "second", null, "192.0.2.1"),
                NOW.minusSeconds(595))).isTrue();
        // Not identical: another client, another email, another code; and one outside the fold window.
        assertThat(events.recordFailure(failure(workspace, NOW.plusSeconds(6), "saml_malformed", "x", null, "192.0.2.2"), NOW)).isFalse();
        assertThat(events.recordFailure(failure(workspace, NOW.plusSeconds(7), "saml_malformed", "x", "a@x.example", "192.0.2.1"), NOW))
                .isFalse();
        assertThat(events.recordFailure(failure(workspace, NOW.plusSeconds(8), "saml_expired", "x", null, "192.0.2.1"), NOW)).isFalse();
        assertThat(events.recordFailure(failure(workspace, NOW.plusSeconds(9), "saml_malformed", "late", null, "192.0.2.1"),
                NOW.plusSeconds(6))).isFalse();

        assertThat(events.recent(workspace, 10)).hasSize(5).filteredOn(e -> e.count() > 1).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.detail()).isEqualTo("second");
            assertThat(e.at()).isEqualTo(NOW.plusSeconds(5));
            assertThat(e.firstAt()).isEqualTo(NOW);
        });
    }

    private static SsoEvent failure(WorkspaceId workspace, Instant at, String code, String detail, String email, String ip) {
        return new SsoEvent(workspace, at, SsoEvent.Outcome.FAILURE, code, detail, email, ip);
    }

    private WorkspaceId workspace() {
        Workspace workspace = new Workspace(WorkspaceId.random(), "W", NOW);
        workspaces.insert(workspace);
        return workspace.id();
    }

    private User user() {
        User user = User.newMember(new Email(UUID.randomUUID() + "@saml.example"), null, new PasswordHash("h"), NOW);
        users.insertIfEmailFree(user);
        return user;
    }
}
