package org.engagementledger.sample.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auditor's command line on a real H2 file database, as an evaluator runs it. */
class LedgerCliTest {

    @TempDir
    Path directory;
    private String db;

    @BeforeEach
    void recordTheDemo() {
        db = "jdbc:h2:file:" + directory.resolve("ledger");
        Run demo = run("demo", "--db", db);
        assertEquals(0, demo.status, demo.err);
    }

    @Test
    void listShowsTheRecordedEngagementAsTextAndJson() {
        Run text = run("list", "--db", db);
        assertEquals(0, text.status, text.err);
        assertTrue(text.out.contains("NV-2026-014") && text.out.contains("ACTIVE") && text.out.contains("1012.50 EUR"), text.out);

        Run json = run("list", "--db", db, "--format", "json");
        assertEquals(0, json.status, json.err);
        assertTrue(json.out.contains("\"engagementId\" : \"NV-2026-014\""), json.out);
        assertTrue(json.out.contains("\"amount\" : \"1012.50\""), json.out);
    }

    @Test
    void replayPrintsTheTimelineAndTheStateAtASequence() {
        Run full = run("replay", "NV-2026-014", "--db", db);
        assertEquals(0, full.status, full.err);
        assertEquals(6, full.out.lines().filter(l -> l.startsWith("#")).count(), full.out);

        Run early = run("replay", "NV-2026-014", "--seq", "1", "--db", db);
        assertTrue(early.out.contains("State: COMMISSIONED"), early.out);
        assertEquals(2, early.out.lines().filter(l -> l.startsWith("#")).count(), early.out);
    }

    @Test
    void auditAnswersAllTwelveQuestions() {
        Run audit = run("audit", "NV-2026-014", "--db", db, "--format", "json");
        assertEquals(0, audit.status, audit.err);
        for (int question = 1; question <= 12; question++) {
            assertTrue(audit.out.contains("\"number\" : " + question + ","), "question " + question + "\n" + audit.out);
        }
    }

    @Test
    void anUnknownEngagementIsAUsageErrorWithExitStatusTwo() {
        Run unknown = run("replay", "NO-SUCH-ID", "--db", db);
        assertEquals(2, unknown.status, unknown.err);
        assertTrue(unknown.err.contains("no engagement 'NO-SUCH-ID'"), unknown.err);
    }

    @Test
    void anUnreachableDatabaseIsExitStatusTwoWithAClearMessage() {
        Run down = run("list", "--db", "jdbc:postgresql://127.0.0.1:1/nowhere", "--db-user", "nobody");
        assertEquals(2, down.status);
        assertTrue(down.err.contains("cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere"), down.err);
    }

    @Test
    void everyCommandHasHelpAndABadOptionIsExitStatusTwo() {
        for (String command : new String[]{"demo", "list", "replay", "audit"}) {
            Run help = run(command, "--help");
            assertEquals(0, help.status, command);
            assertTrue(help.out.contains("Usage:"), help.out);
        }
        assertEquals(2, run("list", "--no-such-option").status);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LedgerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private record Run(int status, String out, String err) {
    }
}
