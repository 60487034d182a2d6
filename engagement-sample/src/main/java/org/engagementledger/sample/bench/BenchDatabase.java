package org.engagementledger.sample.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, private database for one benchmark run, behind a HikariCP pool: a new schema on a
 * PostgreSQL server (selected with {@code currentSchema}, dropped on close), or an H2 file database
 * in a new temporary directory (deleted on close). Runs therefore never see each other's rows.
 */
final class BenchDatabase implements AutoCloseable {

    /** Connections in the pool. One client thread needs one; the rest is head-room. */

    private final String store;
    private final HikariDataSource pool;
    private final Runnable cleanup;
    private final int poolSize;

    private BenchDatabase(String store, HikariDataSource pool, Runnable cleanup) {
        this.store = store;
        this.pool = pool;
        this.cleanup = cleanup;
        this.poolSize = pool.getMaximumPoolSize();
    }

    /** A new schema {@code bench_<random>} on the PostgreSQL server at {@code url}. */
    static BenchDatabase postgres(String url, String user, String password, int poolSize) {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(url, user, password, "CREATE SCHEMA " + schema);
        String separator = url.contains("?") ? "&" : "?";
        HikariDataSource pool = pool(url + separator + "currentSchema=" + schema, user, password, poolSize);
        return new BenchDatabase("postgres", pool, () -> execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** A new H2 file database in a temporary directory. */
    static BenchDatabase h2File(int poolSize) {
        Path directory;
        try {
            directory = Files.createTempDirectory("engagement-ledger-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for H2", e);
        }
        // WRITE_DELAY=0: every commit reaches the file before it returns, as in the sample (H2 defaults to 500 ms late)
        HikariDataSource pool = pool("jdbc:h2:file:" + directory.resolve("ledger").toAbsolutePath() + ";WRITE_DELAY=0", "sa", "", poolSize);
        return new BenchDatabase("h2", pool, () -> deleteRecursively(directory));
    }

    String store() {
        return store;
    }

    DataSource dataSource() {
        return pool;
    }

    int poolSize() {
        return poolSize;
    }

    String url() {
        return pool.getJdbcUrl();
    }

    /** Product name and version, e.g. {@code PostgreSQL 15.20}. */
    String productVersion() {
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Closes the pool, then drops the schema or deletes the files. */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            cleanup.run();
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("engagement-ledger-bench");
        return new HikariDataSource(config);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + url + " as " + user + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
