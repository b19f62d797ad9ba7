package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.port.out.LoginFailures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class LoginFailurePersistenceAdapterTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    @Inject
    LoginFailures failures;

    @Test
    void newestFailuresAreReturnedNewestFirstWithinTheWindowAndLimit() {
        failures.record("acct-a", "198.51.100.1", NOW.minusSeconds(3000));
        failures.record("acct-a", "198.51.100.1", NOW.minusSeconds(30));
        failures.record("acct-a", "198.51.100.2", NOW.minusSeconds(20));
        failures.record("acct-a", "198.51.100.3", NOW.minusSeconds(10));

        assertThat(failures.newestForAccount("acct-a", NOW.minusSeconds(900), 2))
                .containsExactly(NOW.minusSeconds(10), NOW.minusSeconds(20));
        assertThat(failures.newestForClient("198.51.100.1", NOW.minusSeconds(900), 10))
                .containsExactly(NOW.minusSeconds(30));
    }

    @Test
    void clearForgetsOnlyThatClientsFailuresOnThatAccount() {
        failures.record("acct-b", "203.0.113.1", NOW);
        failures.record("acct-b", "203.0.113.2", NOW);
        failures.record("acct-c", "203.0.113.1", NOW);

        failures.clear("acct-b", "203.0.113.1");

        assertThat(failures.newestForAccount("acct-b", NOW.minusSeconds(1), 10)).hasSize(1);
        assertThat(failures.newestForClient("203.0.113.1", NOW.minusSeconds(1), 10)).hasSize(1);
    }

    @Test
    void purgeRemovesOnlyOldRows() {
        failures.record("acct-d", "192.0.2.9", NOW.minusSeconds(7200));
        failures.record("acct-d", "192.0.2.9", NOW);

        assertThat(failures.purgeOlderThan(NOW.minusSeconds(3600))).isEqualTo(1);
        assertThat(failures.newestForAccount("acct-d", NOW.minusSeconds(10_000), 10)).containsExactly(NOW);
    }
}
