package org.engagementledger.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Creates and migrates the ledger's tables (event store, snapshots, tokens, read models) with Flyway.
 * The ledger keeps its own migrations ({@value #LOCATION}) and its own history table
 * ({@value #HISTORY_TABLE}), so it coexists with a host's migrations in the same database. The same
 * migrations run on PostgreSQL and H2.
 */
public final class LedgerSchema {

    public static final String LOCATION = "classpath:db/engagement-ledger";
    public static final String HISTORY_TABLE = "engagement_ledger_schema_history";

    private LedgerSchema() {
    }

    /** Applies pending migrations and returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        return result.migrationsExecuted;
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(LedgerSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
