package io.gatehouse.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh, empty database for one application context, on the vendor the build asks for with the
 * system property {@code gatehouse.test.database} ({@code h2} or {@code postgresql}; Surefire runs
 * every database test once with each). On PostgreSQL each context gets its own schema, dropped when
 * the JVM exits, so test classes never see each other's rows.
 */
public final class TestDatabase {

    public static final String VENDOR_PROPERTY = "gatehouse.test.database";
    private static final String POSTGRES_URL = envOr("GATEHOUSE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = envOr("GATEHOUSE_TEST_PG_USER", "postgres");
    private static final String POSTGRES_PASSWORD = envOr("GATEHOUSE_TEST_PG_PASSWORD", "");
    private static final List<String> CREATED_SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreatedSchemas, "drop-test-schemas"));
    }

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty(VENDOR_PROPERTY, "h2"));
    }

    /** Data source and Flyway properties for a new, empty database. */
    public static Map<String, Object> freshDatabaseProperties() {
        String url;
        String user;
        String password;
        if (isPostgres()) {
            String schema = "gh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            execute("CREATE SCHEMA " + schema);
            CREATED_SCHEMAS.add(schema);
            url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            user = POSTGRES_USER;
            password = POSTGRES_PASSWORD;
        } else {
            url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        }
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password,
                "flyway.datasources.default.enabled", true);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database unavailable at " + POSTGRES_URL
                    + " (start it, or run only the H2 tests): " + e.getMessage(), e);
        }
    }

    private static void dropCreatedSchemas() {
        for (String schema : CREATED_SCHEMAS) {
            try {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException ignored) {
                // Best effort at exit; a leftover schema is harmless.
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
