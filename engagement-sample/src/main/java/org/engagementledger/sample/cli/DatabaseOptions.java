package org.engagementledger.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.engagementledger.EngagementLedger;
import org.engagementledger.sample.SampleDatabase;
import picocli.CommandLine.Option;

/** The store every command works on: {@code --db}, {@code --db-user}, {@code --db-password}. */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "<jdbc-url>",
            description = "JDBC URL of the ledger database (default: the sample's embedded H2 file, ${DEFAULT-VALUE}). "
                    + "Plain H2 file URLs get the settings the ledger needs; PostgreSQL URLs work as given.")
    String url = SampleDatabase.DEFAULT_URL;

    @Option(names = "--db-user", paramLabel = "<user>", description = "database user (default: sa for H2, postgres otherwise)")
    String user;

    @Option(names = "--db-password", paramLabel = "<password>", description = "database password (default: empty)")
    String password = "";

    /** Opens a pool on the database, or fails with a {@link ConnectionFailure} naming the URL. */
    public HikariDataSource open() {
        String effectiveUser = user != null ? user : url.startsWith("jdbc:h2:") ? "sa" : "postgres";
        try {
            return SampleDatabase.open(url, effectiveUser, password);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new ConnectionFailure("cannot connect to " + url + " as " + effectiveUser + ": " + rootMessage(e), e);
        }
    }

    /** A ledger on the database, without read models unless asked for (most commands only read events). */
    public EngagementLedger ledger(HikariDataSource dataSource, boolean readModels) {
        return EngagementLedger.builder().dataSource(dataSource).readModels(readModels).build();
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
