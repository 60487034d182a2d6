package org.engagementledger.config;

import java.time.Duration;

/**
 * Tuning of a ledger, with defaults that suit one machine holding thousands of engagements.
 *
 * @param snapshotThreshold   take a snapshot of an engagement after this many events since the last one
 * @param cacheSize           how many engagements to keep loaded in the aggregate cache (strong references,
 *                            evicted by size): appends then cost the same however long a history grows
 * @param gapTimeout          how long a streaming reader keeps waiting for a hole in the global index to
 *                            fill; must stay well above the longest write transaction (see Axon issue 4829)
 * @param readModelFetchDelay how long after a commit the read models' event stream fetches new events, so
 *                            that the events of every commit in that window come in one query instead of one
 *                            query per commit (see {@code CoalescingEventStore}); zero fetches after each
 *                            commit, as Axon does. Read models lag by up to this much more.
 */
public record LedgerSettings(int snapshotThreshold, int cacheSize, Duration gapTimeout, Duration readModelFetchDelay) {

    /** The longest {@link #readModelFetchDelay}: longer would only make read models stale. */
    public static final Duration MAX_READ_MODEL_FETCH_DELAY = Duration.ofSeconds(5);

    /** Long enough to gather a few hundred commits under load, short beside the 500 ms a caught-up pooled processor waits anyway. */
    public static final Duration DEFAULT_READ_MODEL_FETCH_DELAY = Duration.ofMillis(50);

    public static final LedgerSettings DEFAULTS = new LedgerSettings(250, 10_000, Duration.ofMinutes(10), DEFAULT_READ_MODEL_FETCH_DELAY);

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
        if (readModelFetchDelay == null || readModelFetchDelay.isNegative() || readModelFetchDelay.compareTo(MAX_READ_MODEL_FETCH_DELAY) > 0) {
            throw new IllegalArgumentException("readModelFetchDelay must be between zero and " + MAX_READ_MODEL_FETCH_DELAY
                    + ", was " + readModelFetchDelay);
        }
    }

    /** Settings with the default {@link #readModelFetchDelay}. */
    public LedgerSettings(int snapshotThreshold, int cacheSize, Duration gapTimeout) {
        this(snapshotThreshold, cacheSize, gapTimeout, DEFAULT_READ_MODEL_FETCH_DELAY);
    }

    public LedgerSettings withSnapshotThreshold(int threshold) {
        return new LedgerSettings(threshold, cacheSize, gapTimeout, readModelFetchDelay);
    }

    public LedgerSettings withCacheSize(int size) {
        return new LedgerSettings(snapshotThreshold, size, gapTimeout, readModelFetchDelay);
    }

    public LedgerSettings withReadModelFetchDelay(Duration delay) {
        return new LedgerSettings(snapshotThreshold, cacheSize, gapTimeout, delay);
    }
}
