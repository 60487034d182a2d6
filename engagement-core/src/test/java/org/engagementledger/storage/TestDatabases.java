package org.engagementledger.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Databases for integration tests: H2 in memory, and PostgreSQL in a fresh schema per call.
 *
 * <p>PostgreSQL is found at {@code ENGAGEMENT_LEDGER_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code ENGAGEMENT_LEDGER_PG_USER} (default
 * {@code postgres}) with {@code ENGAGEMENT_LEDGER_PG_PASSWORD} (default empty). When it cannot be
 * reached the test is skipped with a message, except when {@code CI=true}: then it fails, so that CI
 * never passes without having run the PostgreSQL tests.
 */
public final class TestDatabases {

    public static final String PG_URL = env("ENGAGEMENT_LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("ENGAGEMENT_LEDGER_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("ENGAGEMENT_LEDGER_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /** A pooled data source on a private in-memory H2 database. */
    public static HikariDataSource h2() {
        return pool("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A pooled data source on a new, empty PostgreSQL schema; {@link #dropSchema} removes it. */
    public static HikariDataSource postgres() {
        requirePostgres();
        String schema = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test schema on " + PG_URL, e);
        }
        String separator = PG_URL.contains("?") ? "&" : "?";
        return pool(PG_URL + separator + "currentSchema=" + schema, PG_USER, PG_PASSWORD);
    }

    /** Drops the schema behind a data source made by {@link #postgres()} and closes the pool. */
    public static void dropSchema(HikariDataSource dataSource) {
        String url = dataSource.getJdbcUrl();
        dataSource.close();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    /** Skips the calling test when PostgreSQL is unreachable, or fails it under {@code CI=true}. */
    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                    + " or point ENGAGEMENT_LEDGER_PG_URL at a server.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true, so PostgreSQL tests must not be skipped: " + message);
            }
            Assumptions.abort("Skipping PostgreSQL test: " + message);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("ledger-test");
        return new HikariDataSource(config);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
