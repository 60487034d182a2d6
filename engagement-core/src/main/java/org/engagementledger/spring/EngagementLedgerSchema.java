package org.engagementledger.spring;

import org.engagementledger.storage.LedgerSchema;

import javax.sql.DataSource;

/**
 * The ledger's tables are in place. The auto-configuration creates this bean by running
 * {@link LedgerSchema#migrate(DataSource)} (unless {@code engagement-ledger.migrate-schema=false}), and
 * every bean that touches the tables (event store, token store, read models) depends on it, so Axon
 * never reads or writes them before the migrations ran.
 */
public final class EngagementLedgerSchema {

    private final boolean migratedByLedger;
    private final int migrationsApplied;

    private EngagementLedgerSchema(boolean migratedByLedger, int migrationsApplied) {
        this.migratedByLedger = migratedByLedger;
        this.migrationsApplied = migrationsApplied;
    }

    /** Applies the ledger's pending Flyway migrations to the data source. */
    static EngagementLedgerSchema migrate(DataSource dataSource) {
        return new EngagementLedgerSchema(true, LedgerSchema.migrate(dataSource));
    }

    /** The host manages the tables itself ({@code engagement-ledger.migrate-schema=false}). */
    static EngagementLedgerSchema managedByHost() {
        return new EngagementLedgerSchema(false, 0);
    }

    /** False when the host manages the tables itself. */
    public boolean migratedByLedger() {
        return migratedByLedger;
    }

    /** How many migrations this start-up applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }
}
