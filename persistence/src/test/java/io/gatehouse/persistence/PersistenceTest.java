package io.gatehouse.persistence;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** A persistence test gets its own empty database, on H2 or PostgreSQL as the build says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>();
        TestDatabase.freshDatabaseProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }
}
