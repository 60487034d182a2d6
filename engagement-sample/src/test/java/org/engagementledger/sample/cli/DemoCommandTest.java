package org.engagementledger.sample.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code demo} as an evaluator runs it, twice on the same H2 file, followed by {@code verify}. */
class DemoCommandTest {

    @TempDir
    Path directory;

    @Test
    void aSecondDemoRecordsNothingTwiceAndTheLedgerStillVerifies() throws Exception {
        String db = "jdbc:h2:file:" + directory.resolve("ledger");
        String reports = directory.resolve("reports").toString();

        CliRun first = CliRun.of("demo", "--db", db, "--reports", reports);
        assertEquals(0, first.status(), first.out() + first.err());
        assertEquals(3, first.out().lines().filter(l -> l.startsWith("Recorded ")).count(), first.out());
        assertTrue(first.out().contains("Refused (ceiling-exceeded): committed cost may not exceed the ceiling"), first.out());

        CliRun second = CliRun.of("demo", "--db", db, "--reports", reports);
        assertEquals(0, second.status(), second.out() + second.err());
        assertEquals(3, second.out().lines().filter(l -> l.startsWith("Already recorded, ")).count(), second.out());
        assertFalse(second.out().contains("Refused"), "nothing is sent again: " + second.out());
        assertEquals(eventCounts(first.out()), eventCounts(second.out()), "the same events, stored once");
        assertEquals(summaryTable(first.out()), summaryTable(second.out()), "same status, cost, red flags and integrity");

        CliRun verify = CliRun.of("verify", "--db", db);
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("INTACT - 215 events of 3 engagement(s) checked"), verify.out());
    }

    @Test
    void theDemoWritesAReportPerEngagementAndSaysHowToOpenTheDashboard() throws Exception {
        Path reports = directory.resolve("reports");
        CliRun demo = CliRun.of("demo", "--db", "jdbc:h2:file:" + directory.resolve("ledger"), "--reports", reports.toString());
        assertEquals(0, demo.status(), demo.out() + demo.err());

        for (String id : List.of("NV-2026-014", "EM-2023-112", "EM-2026-031")) {
            Path report = reports.resolve(id + ".html");
            assertTrue(Files.readString(report).contains("data-question=\"12\""), id);
            assertTrue(demo.out().contains(report.toUri().toString()), "the output links " + report);
        }
        assertTrue(demo.out().contains("engagement-sample.jar serve --db "), demo.out());
        assertTrue(demo.out().contains("http://127.0.0.1:8080/") && demo.out().contains("auditor / auditor"), demo.out());
        assertTrue(demo.out().lines().anyMatch(l -> l.startsWith("EM-2026-031") && l.contains("COMPLETED") && l.contains("INTACT")), demo.out());
    }

    private static List<String> eventCounts(String out) {
        return out.lines().filter(l -> l.startsWith("Recorded ") || l.startsWith("Already recorded, "))
                .map(l -> l.replaceFirst("^(Recorded|Already recorded,)\\s+", "")).toList();
    }

    private static List<String> summaryTable(String out) {
        return out.lines().dropWhile(l -> !l.startsWith("ENGAGEMENT")).takeWhile(l -> !l.isBlank()).toList();
    }
}
