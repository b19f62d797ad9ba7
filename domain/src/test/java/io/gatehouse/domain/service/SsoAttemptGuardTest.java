package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.fakes.InMemoryClientAttempts;
import io.gatehouse.domain.fakes.InMemorySamlState;
import io.gatehouse.domain.fakes.InMemorySsoEvents;
import io.gatehouse.domain.fakes.InMemoryUsers;
import io.gatehouse.domain.fakes.MutableClock;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoLimits;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SsoThrottled;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limits on what anonymous SSO callers can make Gatehouse store. */
class SsoAttemptGuardTest {

    private static final String ATTACKER = "203.0.113.9";
    private static final String NEIGHBOUR = "203.0.113.10";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryClientAttempts attempts = new InMemoryClientAttempts();
    private final InMemorySamlState pending = new InMemorySamlState(new InMemoryUsers());
    private final InMemorySsoEvents events = new InMemorySsoEvents();
    private final SsoLimits limits = new SsoLimits(5, 3, Duration.ofMinutes(5), 4, Duration.ofMinutes(10));
    private final SsoAttemptGuard guard = new SsoAttemptGuard(new AttemptLimiter(attempts, clock), pending, events, limits, clock);

    @Test
    void startsFromOneAddressAreLimitedWithinTheWindowAndOtherAddressesAreNot() {
        for (int i = 0; i < limits.maxStartsPerIp(); i++) {
            assertThat(guard.admitStart(ATTACKER)).as("start %d", i).isEmpty();
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(guard.admitStart(ATTACKER)).hasValueSatisfying(t -> {
            assertThat(t.limit()).isEqualTo(SsoThrottled.Limit.STARTS_PER_IP);
            // The oldest of the five started 50 s ago: it leaves the 5-minute window in 250 s.
            assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(250));
        });
        assertThat(guard.admitStart(NEIGHBOUR)).isEmpty();
        assertThat(attempts.size()).as("refused starts are not stored").isEqualTo(limits.maxStartsPerIp() + 1);

        clock.advance(Duration.ofSeconds(250));
        assertThat(guard.admitStart(ATTACKER)).isEmpty();
    }

    @Test
    void aWorkspaceCannotHaveMoreOutstandingRequestsThanItsCap() {
        WorkspaceId workspace = WorkspaceId.random();
        for (int i = 0; i < limits.maxPendingPerWorkspace(); i++) {
            assertThat(guard.admitPendingRequest(workspace)).isEmpty();
            pending.insert(new PendingSamlRequest("id-" + i, workspace, "r", null, null, null, null, clock.instant(),
                    clock.instant().plus(Duration.ofMinutes(10)).plusSeconds(i)));
        }

        assertThat(guard.admitPendingRequest(workspace)).hasValueSatisfying(t -> {
            assertThat(t.limit()).isEqualTo(SsoThrottled.Limit.PENDING_PER_WORKSPACE);
            assertThat(t.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(guard.admitPendingRequest(WorkspaceId.random())).as("another workspace").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(guard.admitPendingRequest(workspace)).as("the first request expired").isEmpty();
    }

    @Test
    void refusedPostsCountAgainstTheirAddressOnly() {
        WorkspaceId workspace = WorkspaceId.random();
        for (int i = 0; i < limits.maxFailuresPerIp(); i++) {
            assertThat(guard.admitPost(ATTACKER)).isEmpty();
            guard.refused(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.FAILURE, "saml_malformed", "junk " + i, null, ATTACKER));
        }

        assertThat(guard.admitPost(ATTACKER)).hasValueSatisfying(t -> assertThat(t.limit()).isEqualTo(SsoThrottled.Limit.FAILURES_PER_IP));
        assertThat(guard.admitPost(NEIGHBOUR)).isEmpty();
        assertThat(events.recent(workspace, 10)).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(limits.maxFailuresPerIp());
            assertThat(e.detail()).isEqualTo("junk 2");
        });
    }

    @Test
    void failuresAreFoldedOnlyWithinTheFoldWindow() {
        WorkspaceId workspace = WorkspaceId.random();
        guard.refused(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.FAILURE, "saml_expired", "old", "a@x.example", ATTACKER));
        clock.advance(limits.eventFoldWindow().plusSeconds(1));

        assertThat(guard.refused(new SsoEvent(workspace, clock.instant(), SsoEvent.Outcome.FAILURE, "saml_expired", "new", "a@x.example",
                ATTACKER))).isFalse();
        assertThat(events.recent(workspace, 10)).hasSize(2);
    }

    @Test
    void purgeForgetsAttemptsThatLeftTheWindow() {
        guard.admitStart(ATTACKER);
        clock.advance(limits.window().plusSeconds(1));
        guard.admitStart(NEIGHBOUR);

        assertThat(guard.purge()).isEqualTo(1);
        assertThat(attempts.size()).isEqualTo(1);
    }
}
