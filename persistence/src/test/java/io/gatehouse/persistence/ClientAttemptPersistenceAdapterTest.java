package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.port.out.ClientAttempts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ClientAttemptPersistenceAdapterTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Inject
    ClientAttempts attempts;

    @Test
    void newestAttemptsAreCountedPerActionAndClientWithinTheWindowAndLimit() {
        attempts.record("sso_start", "198.51.100.1", NOW.minusSeconds(3000));
        attempts.record("sso_start", "198.51.100.1", NOW.minusSeconds(30));
        attempts.record("sso_start", "198.51.100.1", NOW.minusSeconds(20));
        attempts.record("sso_start", "198.51.100.1", NOW.minusSeconds(10));
        attempts.record("sso_failure", "198.51.100.1", NOW.minusSeconds(5));
        attempts.record("sso_start", "198.51.100.2", NOW.minusSeconds(5));

        assertThat(attempts.newest("sso_start", "198.51.100.1", NOW.minusSeconds(300), 2))
                .containsExactly(NOW.minusSeconds(10), NOW.minusSeconds(20));
        assertThat(attempts.newest("sso_start", "198.51.100.1", NOW.minusSeconds(300), 10)).hasSize(3);
        assertThat(attempts.newest("sso_failure", "198.51.100.1", NOW.minusSeconds(300), 10)).containsExactly(NOW.minusSeconds(5));
    }

    @Test
    void purgeRemovesOnlyOldRowsOfTheAction() {
        attempts.record("sso_start", "192.0.2.9", NOW.minusSeconds(7200));
        attempts.record("sso_start", "192.0.2.9", NOW);
        attempts.record("sso_failure", "192.0.2.9", NOW.minusSeconds(7200));

        assertThat(attempts.purgeOlderThan("sso_start", NOW.minusSeconds(3600))).isEqualTo(1);
        assertThat(attempts.newest("sso_start", "192.0.2.9", NOW.minusSeconds(10_000), 10)).containsExactly(NOW);
        assertThat(attempts.newest("sso_failure", "192.0.2.9", NOW.minusSeconds(10_000), 10)).as("another action's window").hasSize(1);
    }
}
