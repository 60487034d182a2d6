package org.engagementledger.sample;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleAppTest {

    @TempDir
    Path directory;

    @Test
    void theSampleStoresItsScenarioInAnH2FileAndASecondRunOnlyShowsIt() {
        String url = "jdbc:h2:file:" + directory.resolve("ledger");

        String first = runOnce(url);
        assertTrue(first.contains("Refused (ceiling-exceeded): committed cost may not exceed the ceiling"), first);
        assertTrue(first.contains("FulfilmentAccepted"), first);

        String second = runOnce(url);
        assertTrue(second.contains("is already recorded in this database"), second);
        assertFalse(second.contains("Refused"), second);
        assertEquals(first.lines().filter(l -> l.matches("\\s+\\d+ .*")).toList(),
                second.lines().filter(l -> l.matches("\\s+\\d+ .*")).toList(), "the same six events, stored once");
    }

    @Test
    void aPlainH2FileUrlGetsTheSettingsTheLedgerNeeds() {
        assertEquals("jdbc:h2:file:/tmp/x;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", SampleDatabase.normalise("jdbc:h2:file:/tmp/x"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", SampleDatabase.normalise("jdbc:postgresql://127.0.0.1:5432/test"));
    }

    private static String runOnce(String url) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (HikariDataSource dataSource = SampleDatabase.open(url, "sa", "");
             EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            int stored = SampleApp.run(ledger, new PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertEquals(6, stored);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
