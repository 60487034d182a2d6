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
 * @param readModelSegments   how many segments the read models' processor splits the event stream into
 *                            when its token store holds none yet (a new database): each segment is
 *                            projected by a thread of its own in batches of its own, an engagement's events
 *                            always in one segment and in order. More than one lets a rebuild use more than
 *                            one core and more than Axon's 1,024 buffered events per segment (see README,
 *                            "Benchmark"); a database that already has tokens keeps its count.
 */
public record LedgerSettings(int snapshotThreshold, int cacheSize, Duration gapTimeout, Duration readModelFetchDelay,
                             int readModelSegments) {

    /** The longest {@link #readModelFetchDelay}: longer would only make read models stale. */
    public static final Duration MAX_READ_MODEL_FETCH_DELAY = Duration.ofSeconds(5);

    /** Long enough to gather a few hundred commits under load, short beside the 500 ms a caught-up pooled processor waits anyway. */
    public static final Duration DEFAULT_READ_MODEL_FETCH_DELAY = Duration.ofMillis(50);

    /**
     * One: live, every segment commits batches (and its token) of its own, which cost PostgreSQL appends
     * under load about a fifth of their rate at four segments, for a rebuild 20–30 % faster (README, "Benchmark").
     * Up to four (the pooled processor's worker threads) is worth it where rebuilds matter more.
     */
    public static final int DEFAULT_READ_MODEL_SEGMENTS = 1;

    /** The most {@link #readModelSegments}: every segment is a token row claimed and written by every batch. */
    public static final int MAX_READ_MODEL_SEGMENTS = 64;

    public static final LedgerSettings DEFAULTS = new LedgerSettings(250, 10_000, Duration.ofMinutes(10), DEFAULT_READ_MODEL_FETCH_DELAY,
            DEFAULT_READ_MODEL_SEGMENTS);

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
        requireReadModelFetchDelay("readModelFetchDelay", readModelFetchDelay);
        requireReadModelSegments("readModelSegments", readModelSegments);
    }

    /**
     * The rule for {@link #readModelFetchDelay}, for any place that takes it under another name (the
     * Spring property): between zero and {@link #MAX_READ_MODEL_FETCH_DELAY}.
     *
     * @throws IllegalArgumentException naming {@code name} and the rule
     */
    public static void requireReadModelFetchDelay(String name, Duration delay) {
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_READ_MODEL_FETCH_DELAY) > 0) {
            throw new IllegalArgumentException(name + " must be between zero and " + MAX_READ_MODEL_FETCH_DELAY + ", was " + delay);
        }
    }

    /**
     * The rule for {@link #readModelSegments}, for any place that takes it under another name: between 1
     * and {@link #MAX_READ_MODEL_SEGMENTS}.
     *
     * @throws IllegalArgumentException naming {@code name} and the rule
     */
    public static void requireReadModelSegments(String name, int segments) {
        if (segments < 1 || segments > MAX_READ_MODEL_SEGMENTS) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_READ_MODEL_SEGMENTS + ", was " + segments);
        }
    }

    /** Settings with the default {@link #readModelFetchDelay} and {@link #readModelSegments}. */
    public LedgerSettings(int snapshotThreshold, int cacheSize, Duration gapTimeout) {
        this(snapshotThreshold, cacheSize, gapTimeout, DEFAULT_READ_MODEL_FETCH_DELAY, DEFAULT_READ_MODEL_SEGMENTS);
    }

    public LedgerSettings withSnapshotThreshold(int threshold) {
        return new LedgerSettings(threshold, cacheSize, gapTimeout, readModelFetchDelay, readModelSegments);
    }

    public LedgerSettings withCacheSize(int size) {
        return new LedgerSettings(snapshotThreshold, size, gapTimeout, readModelFetchDelay, readModelSegments);
    }

    public LedgerSettings withReadModelFetchDelay(Duration delay) {
        return new LedgerSettings(snapshotThreshold, cacheSize, gapTimeout, delay, readModelSegments);
    }

    public LedgerSettings withReadModelSegments(int segments) {
        return new LedgerSettings(snapshotThreshold, cacheSize, gapTimeout, readModelFetchDelay, segments);
    }
}
