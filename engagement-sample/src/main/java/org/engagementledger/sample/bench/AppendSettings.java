package org.engagementledger.sample.bench;

import org.engagementledger.config.LedgerSettings;

/**
 * Size and shape of an append run.
 *
 * @param commands    measured appends per target (ledger commands, baseline rows)
 * @param engagements engagements the commands are spread over, round-robin
 * @param warmup      appends per target before measuring (JIT, caches, connection pool); at least 1,
 *                    since the baseline's row size is taken from the ledger's warm-up events
 * @param slices      the measured appends run in this many slices, alternating ledger and baseline
 *                    (ABBA order), so that both see the same machine and database conditions
 * @param ledger      the ledger's settings
 * @param readModels  whether the ledger's event processors (read models) keep running during the run
 * @param clients     concurrent client threads for the second measure (0: skip it); at most {@code engagements}
 * @param concurrentCommands measured appends per target with concurrent clients
 */
record AppendSettings(int commands, int engagements, int warmup, int slices, LedgerSettings ledger, ReadModels readModels,
                      int clients, int concurrentCommands) {

    /** What to do with the ledger's event processors (read models) during a run. */
    enum ReadModels {
        /** As shipped: they run next to the appends; their backlog is drained, untimed, after each ledger slice. */
        RUNNING,
        /** Shut down after start: the write path alone. */
        STOPPED
    }

    AppendSettings {
        if (commands < 10) {
            throw new IllegalArgumentException("commands must be at least 10 (the first and last 10 % are reported), was " + commands);
        }
        if (engagements < 1) {
            throw new IllegalArgumentException("engagements must be at least 1, was " + engagements);
        }
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup must be at least 1, was " + warmup);
        }
        if (readModels == null) {
            throw new IllegalArgumentException("readModels must be RUNNING or STOPPED");
        }
        if (clients < 0 || clients > engagements) {
            throw new IllegalArgumentException("clients must be between 0 and the number of engagements (" + engagements + "), was " + clients);
        }
        if (clients > 0 && concurrentCommands < 2 * clients) {
            throw new IllegalArgumentException("concurrent commands must be at least twice the clients (" + 2 * clients + "), was "
                    + concurrentCommands);
        }
        if (slices < 1 || slices > commands) {
            throw new IllegalArgumentException("slices must be between 1 and commands, was " + slices);
        }
    }
}
