package org.engagementledger.config;

import java.time.Duration;

/**
 * Tuning of a ledger, with defaults that suit one machine holding thousands of engagements.
 *
 * @param snapshotThreshold take a snapshot of an engagement after this many events since the last one
 * @param cacheSize         how many engagements to keep loaded in the aggregate cache (strong references,
 *                          evicted by size): appends then cost the same however long a history grows
 * @param gapTimeout        how long a streaming reader keeps waiting for a hole in the global index to
 *                          fill; must stay well above the longest write transaction (see Axon issue 4829)
 */
public record LedgerSettings(int snapshotThreshold, int cacheSize, Duration gapTimeout) {

    public static final LedgerSettings DEFAULTS = new LedgerSettings(250, 10_000, Duration.ofMinutes(10));

    public LedgerSettings {
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("snapshotThreshold must be at least 1, was " + snapshotThreshold);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be zero (no cache) or more, was " + cacheSize);
        }
        if (gapTimeout == null || gapTimeout.toMillis() < 1_000) {
            throw new IllegalArgumentException("gapTimeout must be at least one second, was " + gapTimeout);
        }
    }

    public LedgerSettings withSnapshotThreshold(int threshold) {
        return new LedgerSettings(threshold, cacheSize, gapTimeout);
    }

    public LedgerSettings withCacheSize(int size) {
        return new LedgerSettings(snapshotThreshold, size, gapTimeout);
    }
}
