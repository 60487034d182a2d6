package org.engagementledger.sample.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuMeterTest {

    @Test
    void theServerIsReadOnlyForPostgresOnThisMachine() {
        assertFalse(CpuMeter.forStore("h2", "jdbc:h2:file:/tmp/ledger").measuresDatabase());
        assertFalse(CpuMeter.forStore("postgres", "jdbc:postgresql://db.example.org:5432/ledger").measuresDatabase());
        assertEquals(-1, CpuMeter.forStore("postgres", "jdbc:postgresql://db.example.org:5432/ledger").read().database());
    }

    @Test
    void aLocalPostgresServerAndThisJvmHaveSpentCpu() {
        CpuMeter meter = CpuMeter.forStore("postgres", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench");
        assertTrue(meter.measuresDatabase());
        CpuMeter.Reading reading = meter.read();
        assertTrue(reading.jvm() > 0, reading.toString());
        assertTrue(reading.database() > 0, "the PostgreSQL server the tests use runs here: " + reading);
    }

    @Test
    void readingsSubtractAndAddAndAnUnreadableSideStaysUnreadable() {
        CpuMeter.Reading later = new CpuMeter.Reading(500, 900);
        CpuMeter.Reading earlier = new CpuMeter.Reading(200, 400);
        assertEquals(new CpuMeter.Reading(300, 500), later.since(earlier));
        assertEquals(new CpuMeter.Reading(600, 1000), later.since(earlier).plus(later.since(earlier)));
        assertEquals(-1, later.since(new CpuMeter.Reading(200, -1)).database());
    }
}
