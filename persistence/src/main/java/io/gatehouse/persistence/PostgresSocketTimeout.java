package io.gatehouse.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * A PostgreSQL server that stops answering without closing its connections (a network partition,
 * a frozen host) would otherwise leave a request blocked in a socket read forever: pgjdbc's
 * {@code socketTimeout} is 0, "no timeout", by default. Every PostgreSQL connection gets
 * {@code GATEHOUSE_DB_SOCKET_TIMEOUT} (default 30 s, far above any query Gatehouse makes) unless the
 * URL names its own {@code socketTimeout}. The broken read surfaces as SQLState 08006, which the API
 * answers 503. Only for PostgreSQL: H2 refuses connection properties it does not know.
 */
@Singleton
class PostgresSocketTimeout implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Duration timeout;

    PostgresSocketTimeout(@Value("${gatehouse.db.socket-timeout:30s}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("GATEHOUSE_DB_SOCKET_TIMEOUT must be positive");
        }
        this.timeout = timeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url != null && url.startsWith("jdbc:postgresql:") && !url.toLowerCase(Locale.ROOT).contains("sockettimeout=")) {
            // pgjdbc takes whole seconds; round up so that a sub-second setting never becomes "none".
            configuration.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000)));
        }
        return configuration;
    }
}
