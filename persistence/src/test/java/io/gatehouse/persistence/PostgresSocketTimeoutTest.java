package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** PostgreSQL connections carry the socket timeout; H2, which refuses unknown properties, does not. */
@MicronautTest(transactional = false)
class PostgresSocketTimeoutTest extends PersistenceTest {

    @Inject
    DatasourceConfiguration configuration;

    @Inject
    DataSource dataSource;

    @Test
    void postgresqlConnectionsTimeOutReadsAndH2IsLeftAlone() throws Exception {
        // Unwrapped: Micronaut Data's transaction-aware wrapper only lends connections inside a transaction.
        try (Connection connection = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getConnection()) {
            if (TestDatabase.isPostgres()) {
                assertThat(configuration.getDataSourceProperties()).containsEntry("socketTimeout", "30");
                assertThat(connection.getNetworkTimeout()).isEqualTo(30_000);
            } else {
                assertThat(configuration.getDataSourceProperties()).doesNotContainKey("socketTimeout");
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }
}
