package org.engagementledger.audit;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The direct timestamp path reads every stored form exactly as Axon's parser does. */
class StoredTimestampsTest {

    @Test
    void timestampsAxonWroteAreReadAsAxonReadsThem() {
        Random random = new Random(4829);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertEquals(DateTimeUtils.parseInstant(stored), StoredTimestamps.parse(stored), stored);
        }
    }

    @Test
    void otherFormsAreLeftToAxonsParser() {
        for (String stored : List.of("2026-01-02T09:00:00Z", "2026-01-02T09:00:00.123456Z", "2026-01-02T09:00:00.120+01:00")) {
            assertEquals(DateTimeUtils.parseInstant(stored), StoredTimestamps.parse(stored), stored);
        }
    }

    @Test
    void anImpossibleDateFailsAsAxonsParserFails() {
        assertThrows(RuntimeException.class, () -> DateTimeUtils.parseInstant("2026-02-30T09:00:00.000Z"));
        assertThrows(RuntimeException.class, () -> StoredTimestamps.parse("2026-02-30T09:00:00.000Z"));
    }
}
