package org.engagementledger.spring;

import org.engagementledger.config.LedgerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The ledger's settings in a Spring Boot host, under {@code engagement-ledger.*}. The defaults are
 * {@link LedgerSettings#DEFAULTS} (written out here so that the generated configuration metadata shows
 * them; a test keeps both in step). Invalid values stop the application at start-up with the rule
 * they break.
 */
@ConfigurationProperties(prefix = "engagement-ledger")
public class EngagementLedgerProperties {

    /**
     * Whether to set up the ledger (event store, serializers, Engagement aggregate) in this
     * application. Off, the auto-configuration backs away completely.
     */
    private boolean enabled = true;

    /**
     * Take a snapshot of an engagement after this many events since the last one, so that loading a
     * long history stays fast. At least 1.
     */
    private int snapshotThreshold = 250;

    /**
     * How many engagements to keep loaded in the aggregate cache (strong references, evicted by
     * size), so that appending costs the same however long a history grows. 0 turns the cache off.
     */
    private int cacheSize = 10_000;

    /**
     * How long a streaming reader (read models) waits for a hole in the global event index to fill.
     * Keep it well above the longest write transaction, and database transaction timeouts below it:
     * a late commit past it is never seen by read models. At least one second.
     */
    private Duration gapTimeout = Duration.ofMinutes(10);

    /**
     * How long after a commit the read models' event stream fetches new events, so that the events of
     * every commit in that window come in one query instead of one query per commit. Read models lag
     * by up to this much more. Zero fetches after each commit, as Axon does; at most 5 seconds.
     */
    private Duration readModelFetchDelay = Duration.ofMillis(50);

    /**
     * How many segments the read models' processor splits the event stream into on a new database, each
     * projected by a thread of its own (an engagement's events stay in one segment, in order). A database
     * that already has read-model tokens keeps its count. More make a rebuild faster and appends under
     * load slower; up to 4 (the worker threads) helps. Between 1 and 64.
     */
    private int readModelSegments = 1;

    /**
     * Whether to create and migrate the ledger's tables with Flyway at start-up (migrations at
     * classpath:db/engagement-ledger, history table engagement_ledger_schema_history, after the
     * host's own Flyway migrations). Turn off only when the tables are managed some other way.
     */
    private boolean migrateSchema = true;

    /**
     * How long a key of personal data may be served from memory. An erasure is honoured at once by the
     * process that performs it; other processes on the same database may still decrypt with a cached key
     * for at most this long. Zero turns the cache off.
     */
    private Duration personalDataKeyCacheTtl = Duration.ofSeconds(30);

    /** These properties as the settings the ledger's Axon module takes. */
    public LedgerSettings toSettings() {
        return new LedgerSettings(snapshotThreshold, cacheSize, gapTimeout, readModelFetchDelay, readModelSegments);
    }

    public Duration getPersonalDataKeyCacheTtl() {
        return personalDataKeyCacheTtl;
    }

    public void setPersonalDataKeyCacheTtl(Duration personalDataKeyCacheTtl) {
        if (personalDataKeyCacheTtl == null || personalDataKeyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("personal-data-key-cache-ttl must be zero (no cache) or positive, was "
                    + personalDataKeyCacheTtl);
        }
        this.personalDataKeyCacheTtl = personalDataKeyCacheTtl;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getSnapshotThreshold() {
        return snapshotThreshold;
    }

    public void setSnapshotThreshold(int snapshotThreshold) {
        this.snapshotThreshold = snapshotThreshold;
    }

    public int getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(int cacheSize) {
        this.cacheSize = cacheSize;
    }

    public Duration getGapTimeout() {
        return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    public Duration getReadModelFetchDelay() {
        return readModelFetchDelay;
    }

    public void setReadModelFetchDelay(Duration readModelFetchDelay) {
        LedgerSettings.requireReadModelFetchDelay("read-model-fetch-delay", readModelFetchDelay);
        this.readModelFetchDelay = readModelFetchDelay;
    }

    public int getReadModelSegments() {
        return readModelSegments;
    }

    public void setReadModelSegments(int readModelSegments) {
        LedgerSettings.requireReadModelSegments("read-model-segments", readModelSegments);
        this.readModelSegments = readModelSegments;
    }

    public boolean isMigrateSchema() {
        return migrateSchema;
    }

    public void setMigrateSchema(boolean migrateSchema) {
        this.migrateSchema = migrateSchema;
    }
}
