package io.gatehouse.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Repositories are compiled for the PostgreSQL dialect, so an H2 database must run in H2's
 * PostgreSQL compatibility mode. Any {@code jdbc:h2:} URL without an explicit {@code MODE=} gets
 * the flags appended, so that operators may write a plain {@code jdbc:h2:mem:scratch}.
 */
@Singleton
class H2CompatibilityMode implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        configuration.setUrl(withCompatibilityMode(configuration.getUrl()));
        return configuration;
    }

    static String withCompatibilityMode(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";MODE=")) {
            return url;
        }
        return url + FLAGS;
    }
}
