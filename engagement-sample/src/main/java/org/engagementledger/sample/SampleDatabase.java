package org.engagementledger.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;

/**
 * The sample's database: an embedded H2 file by default, or any JDBC URL (PostgreSQL for production).
 * H2 file URLs given as plain {@code jdbc:h2:file:/path} get the settings the ledger relies on added.
 */
public final class SampleDatabase {

    /** Where the sample keeps its data unless told otherwise: {@code ./engagement-ledger-data/ledger.mv.db}. */
    public static final String DEFAULT_URL = "jdbc:h2:file:" + Path.of("engagement-ledger-data", "ledger").toAbsolutePath();

    private SampleDatabase() {
    }

    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(normalise(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("engagement-ledger-sample");
        return new HikariDataSource(config);
    }

    /** Adds H2 settings a plain file URL lacks; other URLs pass through unchanged. */
    public static String normalise(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        String normalised = url;
        if (!normalised.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // the pool closes the database on shutdown; H2's own shutdown hook would race with it
            normalised += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!normalised.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            // H2 writes commits to the file up to 500 ms late by default: a killed process then loses commands
            // it had acknowledged (shown by CrashRecoveryTest in engagement-core)
            normalised += ";WRITE_DELAY=0";
        }
        return normalised;
    }
}
