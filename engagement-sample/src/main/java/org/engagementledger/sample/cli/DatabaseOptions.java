package org.engagementledger.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.engagementledger.sample.SampleDatabase;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The store every command works on: {@code --db}, {@code --db-user}, {@code --db-password}. Without
 * {@code --db}, Spring Boot's {@code spring.datasource.url} (system property or {@code SPRING_DATASOURCE_URL})
 * names it, and without that the sample's embedded H2 file.
 */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "<jdbc-url>",
            description = "JDBC URL of the ledger database (default: spring.datasource.url if set, else the sample's embedded "
                    + "H2 file ./engagement-ledger-data/ledger). Plain H2 file URLs get the settings the ledger needs; "
                    + "PostgreSQL URLs work as given.")
    String url;

    @Option(names = "--db-user", paramLabel = "<user>", description = "database user (default: sa for H2, postgres otherwise)")
    String user;

    @Option(names = "--db-password", paramLabel = "<password>", description = "database password (default: empty)")
    String password;

    private final StandardEnvironment environment = new StandardEnvironment();

    /** The URL the command works on, as given or defaulted, with the H2 settings the ledger needs. */
    public String effectiveUrl() {
        String given = url != null ? url : environment.getProperty("spring.datasource.url", SampleDatabase.DEFAULT_URL);
        return SampleDatabase.normalise(given);
    }

    public String effectiveUser() {
        if (user != null) {
            return user;
        }
        String configured = url == null ? environment.getProperty("spring.datasource.username") : null;
        return configured != null ? configured : effectiveUrl().startsWith("jdbc:h2:") ? "sa" : "postgres";
    }

    public String effectivePassword() {
        if (password != null) {
            return password;
        }
        String configured = url == null ? environment.getProperty("spring.datasource.password") : null;
        return configured != null ? configured : "";
    }

    /** A plain pool on the database, for commands that only read raw rows (verify); fails with a {@link ConnectionFailure}. */
    public HikariDataSource open() {
        try {
            return SampleDatabase.open(effectiveUrl(), effectiveUser(), effectivePassword());
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw failure(e);
        }
    }

    /** Checks that the database can be reached before a Spring context is built on it, so that the error is one clear line. */
    void probe() {
        try (Connection ignored = DriverManager.getConnection(effectiveUrl(), effectiveUser(), effectivePassword())) {
            // reachable
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private ConnectionFailure failure(Exception e) {
        String message = rootMessage(e);
        String hint = message != null && (message.contains("already in use") || message.contains("file is locked"))
                ? " (another process has this H2 file open: stop 'serve' or the other command first, or pass another --db)" : "";
        return new ConnectionFailure("cannot connect to " + effectiveUrl() + " as " + effectiveUser() + ": " + message + hint, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** The database could not be reached: exit status 2. */
    public static final class ConnectionFailure extends RuntimeException {
        ConnectionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
