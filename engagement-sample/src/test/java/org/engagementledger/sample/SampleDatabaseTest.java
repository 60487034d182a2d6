package org.engagementledger.sample;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the sample adds to a database URL it is given. */
class SampleDatabaseTest {

    @Test
    void aPlainH2FileUrlGetsTheSettingsTheLedgerNeedsAndOtherUrlsAreLeftAlone() {
        assertEquals("jdbc:h2:file:/tmp/x;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", SampleDatabase.normalise("jdbc:h2:file:/tmp/x"));
        assertEquals("jdbc:h2:file:/tmp/x;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE", SampleDatabase.normalise("jdbc:h2:file:/tmp/x;WRITE_DELAY=100"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", SampleDatabase.normalise("jdbc:postgresql://127.0.0.1:5432/test"));
    }
}
