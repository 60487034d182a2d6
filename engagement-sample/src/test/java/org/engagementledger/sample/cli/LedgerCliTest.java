package org.engagementledger.sample.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auditor's command line on a real H2 file database, as an evaluator runs it: the demo is recorded once for
 * the class; the one test that tampers with the database works on its own copy.
 */
class LedgerCliTest {

    @TempDir
    static Path shared;
    @TempDir
    Path directory;
    private static String db;

    @BeforeAll
    static void recordTheDemo() {
        db = "jdbc:h2:file:" + shared.resolve("ledger");
        CliRun demo = CliRun.of("demo", "--db", db, "--reports", shared.resolve("reports").toString());
        assertEquals(0, demo.status(), demo.out() + demo.err());
    }

    @Test
    void listShowsTheRecordedEngagementAsTextAndJson() {
        CliRun text = CliRun.of("list", "--db", db);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("NV-2026-014") && l.contains("COMPLETED") && l.contains("51015.00 EUR")), text.out());
        assertTrue(text.out().contains("EM-2023-112") && text.out().contains("EM-2026-031"), text.out());

        CliRun json = CliRun.of("list", "--db", db, "--format", "json");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"engagementId\" : \"NV-2026-014\""), json.out());
        assertTrue(json.out().contains("\"amount\" : \"51015.00\""), json.out());
    }

    @Test
    void replayPrintsTheTimelineAndTheStateAtASequence() {
        CliRun full = CliRun.of("replay", "NV-2026-014", "--db", db);
        assertEquals(0, full.status(), full.err());
        assertEquals(111, full.out().lines().filter(l -> l.startsWith("#")).count(), full.out());
        assertTrue(full.out().contains("State: COMPLETED"), full.out());

        CliRun early = CliRun.of("replay", "NV-2026-014", "--seq", "1", "--db", db);
        assertTrue(early.out().contains("State: COMMISSIONED"), early.out());
        assertEquals(2, early.out().lines().filter(l -> l.startsWith("#")).count(), early.out());
    }

    @Test
    void auditAnswersAllTwelveQuestions() {
        CliRun audit = CliRun.of("audit", "NV-2026-014", "--db", db, "--format", "json");
        assertEquals(0, audit.status(), audit.err());
        for (int question = 1; question <= 12; question++) {
            assertTrue(audit.out().contains("\"number\" : " + question + ","), "question " + question + "\n" + audit.out());
        }
    }

    @Test
    void aDigestSignedWithANewKeyVerifiesAndAnExportedBundleVerifiesOffline() {
        Path keys = directory.resolve("keys");
        assertEquals(0, CliRun.of("keygen", "--out", keys.toString()).status());
        Path digest = directory.resolve("digest.json");
        CliRun issued = CliRun.of("digest", "--db", db, "--private-key", keys.resolve("digest-signing-key.pem").toString(), "--out", digest.toString());
        assertEquals(0, issued.status(), issued.err());

        CliRun verified = CliRun.of("verify", "--db", db, "--digest", digest.toString(), "--public-key", keys.resolve("digest-public-key.pem").toString());
        assertEquals(0, verified.status(), verified.out() + verified.err());

        Path bundle = directory.resolve("nv.bundle.json");
        assertEquals(0, CliRun.of("export", "NV-2026-014", "--format", "bundle", "--out", bundle.toString(), "--db", db).status());
        CliRun offline = CliRun.of("verify", "--bundle", bundle.toString(), "--public-key", keys.resolve("digest-public-key.pem").toString());
        assertEquals(0, offline.status(), offline.out() + offline.err());
    }

    @Test
    void aPayloadChangedInTheDatabaseIsFoundLocatedAndExitsWithOne() throws Exception {
        String tampered = copyOfTheDemo("tampered");
        try (Connection c = DriverManager.getConnection(tampered, "sa", ""); Statement s = c.createStatement()) {
            int changed = s.executeUpdate("UPDATE DomainEventEntry SET payload = REPLACE(payload, CAST('Monthly steering meeting' AS VARBINARY),"
                    + " CAST('Monthly steering dinner' AS VARBINARY)) WHERE aggregateIdentifier = 'NV-2026-014' AND sequenceNumber ="
                    + " (SELECT MIN(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = 'NV-2026-014' AND payloadType LIKE '%TimeLogged')");
            assertEquals(1, changed);
        }
        CliRun verified = CliRun.of("verify", "--db", tampered, "--format", "json");
        assertEquals(1, verified.status(), verified.out() + verified.err());
        assertTrue(verified.out().contains("HASH_MISMATCH") && verified.out().contains("NV-2026-014"), verified.out());
        assertEquals(0, CliRun.of("verify", "--db", db).status(), "the original database is untouched");

        CliRun audit = CliRun.of("audit", "NV-2026-014", "--db", tampered);
        assertTrue(audit.out().contains("12. "), audit.out());
        assertTrue(audit.out().lines().dropWhile(l -> !l.startsWith("12. ")).skip(1).findFirst().orElse("").contains("CONCERN"), audit.out());
    }

    @Test
    void reportWritesASelfContainedHtmlPageWithTheAnswersAndCharts() throws Exception {
        Path html = directory.resolve("report.html");
        CliRun report = CliRun.of("report", "NV-2026-014", "--db", db, "--out", html.toString());
        assertEquals(0, report.status(), report.err());
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"chart-cost\"") && page.contains("id=\"chart-capability\""), "charts");
        assertTrue(page.contains("data-question=\"12\""), "answers");
        assertTrue(page.contains("data-outcome=\"INTACT\""), "verification status");
    }

    @Test
    void exportWritesOcdsReleaseAndRecordPackages() throws Exception {
        Path releases = directory.resolve("nv.releases.json");
        assertEquals(0, CliRun.of("export", "NV-2026-014", "--format", "ocds-release", "--out", releases.toString(), "--db", db).status());
        String releasePackage = java.nio.file.Files.readString(releases);
        assertTrue(releasePackage.contains("\"ocid\"") && releasePackage.contains("ocds-nv0001-2026-014"), releasePackage);
        assertTrue(releasePackage.contains("\"planning\"") && releasePackage.contains("\"award\""), releasePackage);

        Path record = directory.resolve("nv.record.json");
        assertEquals(0, CliRun.of("export", "NV-2026-014", "--format", "ocds-record", "--out", record.toString(), "--db", db).status());
        assertTrue(java.nio.file.Files.readString(record).contains("\"compiledRelease\""));

        assertEquals(2, CliRun.of("export", "NV-2026-014", "--format", "pdf", "--out", record.toString(), "--db", db).status());
    }

    @Test
    void eraseReplacesACitizensPersonalDataInReplayAuditReportAndExportAndVerificationStillPasses() throws Exception {
        String db = copyOfTheDemo("erased");
        String citizensWords = "never showed jobs reachable without a car";
        CliRun before = CliRun.of("replay", "NV-2026-014", "--db", db);
        assertTrue(before.out().contains(citizensWords), before.out());
        Path keys = directory.resolve("keys");
        assertEquals(0, CliRun.of("keygen", "--out", keys.toString()).status());
        Path digest = directory.resolve("digest.json");
        assertEquals(0, CliRun.of("digest", "--db", db, "--private-key", keys.resolve("digest-signing-key.pem").toString(),
                "--out", digest.toString()).status());

        CliRun erased = CliRun.of("erase", "--subject", "citizen-0042", "--ground", "CONSENT_WITHDRAWN", "--actor", "dpo-northvale",
                "--organisation", "municipality-northvale", "--db", db);

        assertEquals(0, erased.status(), erased.out() + erased.err());
        assertTrue(erased.out().contains("recorded in 1 engagement(s) [NV-2026-014]; 1 key(s) destroyed"), erased.out());
        CliRun verified = CliRun.of("verify", "--db", db, "--digest", digest.toString(), "--public-key",
                keys.resolve("digest-public-key.pem").toString());
        assertEquals(0, verified.status(), verified.out() + verified.err());

        CliRun replay = CliRun.of("replay", "NV-2026-014", "--db", db);
        assertErased("replay", replay.out(), citizensWords);
        assertTrue(replay.out().contains("Erased the personal data of data subject citizen-0042"), replay.out());
        CliRun audit = CliRun.of("audit", "NV-2026-014", "--db", db, "--format", "json");
        assertErased("audit", audit.out(), citizensWords);
        Path html = directory.resolve("report.html");
        assertEquals(0, CliRun.of("report", "NV-2026-014", "--db", db, "--out", html.toString()).status());
        assertErased("report", java.nio.file.Files.readString(html), citizensWords);
        Path releases = directory.resolve("nv.releases.json");
        assertEquals(0, CliRun.of("export", "NV-2026-014", "--format", "ocds-release", "--out", releases.toString(), "--db", db).status());
        assertErased("OCDS export", java.nio.file.Files.readString(releases), citizensWords);
        Path bundle = directory.resolve("nv.bundle.json");
        assertEquals(0, CliRun.of("export", "NV-2026-014", "--format", "bundle", "--out", bundle.toString(), "--db", db).status());
        String bundled = java.nio.file.Files.readString(bundle);
        assertFalse(bundled.contains(citizensWords) || bundled.contains("Alex Example"), "the bundle carries ciphertext only");
    }

    @Test
    void anErasureByAnOfficialOfAnotherAgencyIsRefusedWithExitStatusOneAndErasesNothing() throws Exception {
        String db = copyOfTheDemo("refused-erasure");
        CliRun refused = CliRun.of("erase", "--subject", "citizen-0042", "--ground", "OBJECTION", "--actor", "someone",
                "--organisation", "municipality-southvale", "--db", db);

        assertEquals(1, refused.status(), refused.out() + refused.err());
        assertTrue(refused.err().contains("refused: an actor in role AGENCY_STAFF must act for 'municipality-northvale'"), refused.err());
        assertTrue(CliRun.of("replay", "NV-2026-014", "--db", db).out().contains("never showed jobs reachable without a car"));
    }

    /** A copy of the demo database for a test that changes it, so that the shared one stays as the demo left it. */
    private String copyOfTheDemo(String name) throws Exception {
        Path copy = directory.resolve(name);
        Files.createDirectories(copy);
        Files.copy(shared.resolve("ledger.mv.db"), copy.resolve("ledger.mv.db"));
        return "jdbc:h2:file:" + copy.resolve("ledger");
    }

    private static void assertErased(String where, String output, String erasedWords) {
        assertTrue(output.contains("[personal data erased]"), where + " should show the replacement value:\n" + output);
        assertFalse(output.contains(erasedWords) || output.contains("Alex Example") || output.contains("alex.example@example.org"),
                where + " shows erased personal data:\n" + output);
    }

    @Test
    void aDigestWithoutItsPublicKeyIsAUsageError() {
        assertEquals(2, CliRun.of("verify", "--db", db, "--digest", directory.resolve("d.json").toString()).status());
    }

    @Test
    void anUnknownEngagementIsAUsageErrorWithExitStatusTwo() {
        CliRun unknown = CliRun.of("replay", "NO-SUCH-ID", "--db", db);
        assertEquals(2, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("no engagement 'NO-SUCH-ID'"), unknown.err());
    }

    @Test
    void anUnreachableDatabaseIsExitStatusTwoWithAClearMessage() {
        CliRun down = CliRun.of("list", "--db", "jdbc:postgresql://127.0.0.1:1/nowhere", "--db-user", "nobody");
        assertEquals(2, down.status());
        assertTrue(down.err().contains("cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere"), down.err());
    }

    @Test
    void everyCommandHasHelpAndABadOptionIsExitStatusTwo() {
        for (String command : new String[]{"demo", "serve", "list", "replay", "audit", "keygen", "digest", "verify", "export", "report", "erase", "bench"}) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.status(), command);
            assertTrue(help.out().contains("Usage:"), help.out());
        }
        assertEquals(2, CliRun.of("list", "--no-such-option").status());
    }
}
