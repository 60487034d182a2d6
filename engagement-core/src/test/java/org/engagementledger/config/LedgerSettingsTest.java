package org.engagementledger.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LedgerSettingsTest {

    private static final LedgerSettings D = LedgerSettings.DEFAULTS;

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(new LedgerSettings(250, 10_000, Duration.ofMinutes(10), Duration.ofMillis(50), 1), D);
        assertEquals(D, new LedgerSettings(250, 10_000, Duration.ofMinutes(10)));
    }

    @Test
    void everySettingOutsideItsRangeIsRefusedNamingTheSettingAndTheRule() {
        assertRefused("snapshotThreshold must be at least 1, was 0", () -> D.withSnapshotThreshold(0));
        assertRefused("cacheSize must be zero (no cache) or more, was -1", () -> D.withCacheSize(-1));
        assertRefused("gapTimeout must be at least one second, was PT0.999S",
                () -> new LedgerSettings(250, 0, Duration.ofMillis(999)));
        assertRefused("readModelFetchDelay must be between zero and PT5S, was PT-0.001S",
                () -> D.withReadModelFetchDelay(Duration.ofMillis(-1)));
        assertRefused("readModelFetchDelay must be between zero and PT5S, was PT5.001S",
                () -> D.withReadModelFetchDelay(Duration.ofMillis(5_001)));
        assertRefused("readModelSegments must be between 1 and 64, was 0", () -> D.withReadModelSegments(0));
        assertRefused("readModelSegments must be between 1 and 64, was 65", () -> D.withReadModelSegments(65));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertEquals(64, D.withReadModelSegments(64).readModelSegments());
        assertEquals(1, D.withReadModelSegments(1).readModelSegments());
        assertEquals(Duration.ofSeconds(5), D.withReadModelFetchDelay(Duration.ofSeconds(5)).readModelFetchDelay());
        assertEquals(Duration.ZERO, D.withReadModelFetchDelay(Duration.ZERO).readModelFetchDelay());
        assertEquals(1, D.withSnapshotThreshold(1).snapshotThreshold());
        assertEquals(0, D.withCacheSize(0).cacheSize());
    }

    private static void assertRefused(String message, Supplier<LedgerSettings> settings) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, settings::get).getMessage());
    }
}
