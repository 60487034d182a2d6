package org.engagementledger.privacy;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.DataSubjectErased;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.NonDiscriminationAssessment;
import org.engagementledger.api.engagement.Participant;
import org.engagementledger.api.engagement.RecordFeedback;
import org.engagementledger.api.engagement.RecordRightsHolderImpact;
import org.engagementledger.api.engagement.RespondToFeedback;
import org.engagementledger.api.engagement.RightsHolderImpactRecorded;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.api.query.FeedbackEntry;
import org.engagementledger.audit.AuditAnswer;
import org.engagementledger.audit.AuditQuestion;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.engagement.NotPermittedException;
import org.engagementledger.integrity.Digest;
import org.engagementledger.integrity.KeyFiles;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;
import org.engagementledger.ocds.OcdsExport;
import org.engagementledger.ocds.OcdsFormat;
import org.engagementledger.report.AuditReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crypto-shredding end to end on a real database (H2 and PostgreSQL by the subclasses): engagements with
 * personal data of two citizens, snapshots and read models on, a digest issued; then one citizen is erased.
 * After that the chain still verifies against the digest; replay, audit, report, OCDS export and read models
 * show {@link PersonalData#REPLACEMENT}; no table holds the erased plaintext; the other citizen stays readable.
 */
abstract class ErasureContract {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final EngagementId SECOND = EngagementId.of("ENG-2026-002");

    /** Robin: gives feedback in both engagements and took part in a workshop. Erased in the tests. */
    static final DataSubjectId ROBIN = DataSubjectId.of("subject-4f1e9c");
    static final String ROBIN_OBSERVATION = "My son Eli Lindqvist waited four months for a first meeting at the Nordby office";
    static final String ROBIN_NAME = "Robin Lindqvist";
    static final String ROBIN_CONTACT = "robin.lindqvist@example.org";
    static final String ROBIN_NOTE = "Robin described being sent between three offices";
    static final String ROBIN_SECOND_OBSERVATION = "The letters from Nordby office never name a contact person";
    static final List<String> ROBINS_VALUES = List.of(ROBIN_OBSERVATION, ROBIN_NAME, ROBIN_CONTACT, ROBIN_NOTE, ROBIN_SECOND_OBSERVATION);

    /** Sam: also gives feedback and takes part; never erased. */
    static final DataSubjectId SAM = DataSubjectId.of("subject-8a27d0");
    static final String SAM_OBSERVATION = "The new ranking showed me jobs I can reach by bus";
    static final String SAM_NAME = "Sam Haugen";
    static final String SAM_CONTACT = "+47 400 00 001";

    protected HikariDataSource dataSource;
    private final KeyPair digestKeys = KeyFiles.newKeyPair();
    private EngagementLedger ledger;

    @TempDir
    Path directory;

    protected abstract HikariDataSource newDataSource();

    protected abstract void release(HikariDataSource dataSource);

    @BeforeEach
    void recordEngagementsWithPersonalData() {
        dataSource = newDataSource();
        ledger = ledger();
        ledger.send(commission(), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
        ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, ROBIN_OBSERVATION, null,
                ROBIN, ROBIN_NAME, ROBIN_CONTACT), AGENCY_STAFF);
        ledger.send(new RecordRightsHolderImpact(ENGAGEMENT, "Young unemployed people aged 16-24", List.of("Right to work"),
                "Two co-design workshops with job seekers", NonDiscriminationAssessment.RISK_MITIGATED, null, "Complaints desk",
                List.of(new Participant(ROBIN, ROBIN_NAME, ROBIN_CONTACT, ROBIN_NOTE), new Participant(SAM, SAM_NAME, SAM_CONTACT, null))),
                AGENCY_STAFF);
        ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-2"), FeedbackSource.CITIZEN_PANEL, SAM_OBSERVATION, null,
                SAM, SAM_NAME, SAM_CONTACT), AGENCY_STAFF);
        ledger.send(new RespondToFeedback(ENGAGEMENT, FeedbackId.of("FB-1"), "We opened a single entry point", null), AGENCY_STAFF);
        ledger.send(second(), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(SECOND, SIGNED), BUYER_OFFICIAL);
        ledger.send(new RecordFeedback(SECOND, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, ROBIN_SECOND_OBSERVATION, null,
                ROBIN, ROBIN_NAME, null), AGENCY_STAFF);
        ledger.awaitReadModels(TIMEOUT);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
        release(dataSource);
    }

    @Test
    void personalDataIsStoredOnlyEncryptedAndSnapshotsNeverHoldIt() throws SQLException {
        assertTrue(count("SnapshotEventEntry") > 0, "snapshots were taken (threshold 3)");
        // events, snapshots and keys hold none of it: only the feedback read model holds it, decrypted for the agency
        assertEquals(List.of("rm_feedback.observation"), tablesHolding(ROBIN_OBSERVATION));
        assertEquals(List.of("rm_feedback.observation"), tablesHolding(ROBIN_SECOND_OBSERVATION));
        assertEquals(List.of("rm_feedback.given_by_name"), tablesHolding(ROBIN_NAME));
        assertEquals(List.of("rm_feedback.given_by_contact"), tablesHolding(ROBIN_CONTACT));
        assertEquals(List.of(), tablesHolding(ROBIN_NOTE), "participation notes are in no read model");
        assertEquals(ROBIN_OBSERVATION, feedback(ENGAGEMENT, 0).observation());
        assertEquals(ROBIN_NOTE, event(ledger.history(ENGAGEMENT), RightsHolderImpactRecorded.class, 0).participants().get(0).note());
    }

    @Test
    void afterAnErasureEveryReadShowsTheReplacementAndNoTableHoldsTheErasedValues() throws Exception {
        Digest digest = LedgerIntegrity.on(dataSource).issueDigest(digestKeys);

        DataSubjectErasure erasure = ledger.eraseDataSubject(ROBIN, ErasureGround.CONSENT_WITHDRAWN, AGENCY_STAFF);
        ledger.awaitReadModels(TIMEOUT);

        assertEquals(new DataSubjectErasure(ROBIN, List.of(ENGAGEMENT, SECOND), 1), erasure);

        // verification: the chain covers the stored ciphertext, which the erasure did not touch
        VerificationReport report = LedgerIntegrity.on(dataSource).verify(VerificationRequest.all().againstDigest(digest, digestKeys.getPublic()));
        assertTrue(report.intact(), report.toText());

        // replay: the history reads the replacement for Robin, Sam's data as recorded, and the erasure is an event
        List<RecordedEvent> history = ledger.history(ENGAGEMENT);
        FeedbackReceived robins = feedback(ENGAGEMENT, 0);
        assertEquals(List.of(PersonalData.REPLACEMENT, PersonalData.REPLACEMENT, PersonalData.REPLACEMENT),
                List.of(robins.observation(), robins.givenByName(), robins.givenByContact()));
        assertEquals(ROBIN, robins.givenBy());
        RightsHolderImpactRecorded impact = event(history, RightsHolderImpactRecorded.class, 0);
        assertEquals(new Participant(ROBIN, PersonalData.REPLACEMENT, PersonalData.REPLACEMENT, PersonalData.REPLACEMENT),
                impact.participants().get(0));
        assertEquals(new Participant(SAM, SAM_NAME, SAM_CONTACT, null), impact.participants().get(1));
        assertEquals(SAM_OBSERVATION, feedback(ENGAGEMENT, 1).observation());
        RecordedEvent erased = history.get(history.size() - 1);
        assertEquals(new DataSubjectErased(ENGAGEMENT, ROBIN, ErasureGround.CONSENT_WITHDRAWN), erased.event());
        assertEquals(AGENCY_STAFF, erased.actor());
        assertEquals(PersonalData.REPLACEMENT, feedback(SECOND, 0).observation());

        // replay as the auditor's timeline, the audit, the HTML report and the OCDS export
        EngagementHistory audited = ledger.auditHistory(ENGAGEMENT);
        String timeline = String.join("\n", audited.timeline().entries().stream().map(e -> e.toText()).toList());
        assertShowsReplacementNotRobin("timeline", timeline);
        assertTrue(timeline.contains(SAM_OBSERVATION), timeline);
        EngagementAudit audit = ledger.audit(ENGAGEMENT, VerificationStatus.intact(report.toText(), Instant.now()));
        AuditAnswer feedbackAnswer = audit.answers().stream().filter(a -> a.topic() == AuditQuestion.FEEDBACK).findFirst().orElseThrow();
        assertShowsReplacementNotRobin("audit answer 10", feedbackAnswer.answer());
        assertEquals(1, audited.state().erasures().size());
        String page = AuditReport.create().render(audited, audit);
        assertShowsReplacementNotRobin("HTML report", page);
        for (OcdsFormat format : OcdsFormat.values()) {
            String ocds = new OcdsExport(org.engagementledger.ocds.OcdsOptions.defaults()).export(audited, format).toString();
            assertShowsReplacementNotRobin("OCDS " + format, ocds);
        }

        // read models: Robin's feedback replaced, Sam's intact, and the same after a rebuild from the events
        assertFeedbackLogShowsReplacementForRobinOnly();
        assertNoTableHoldsRobinsValues();
        ledger.rebuildReadModels();
        ledger.awaitReadModels(TIMEOUT);
        assertFeedbackLogShowsReplacementForRobinOnly();
        assertNoTableHoldsRobinsValues();

        // the key is gone, Sam's is not; a fresh process (cold caches) reads the same
        assertEquals(0, count("ledger_personal_data_key WHERE subject_id = '" + ROBIN.value() + "'"));
        assertEquals(1, count("ledger_personal_data_key WHERE subject_id = '" + SAM.value() + "'"));
        try (EngagementLedger restarted = ledger()) {
            FeedbackReceived again = (FeedbackReceived) restarted.history(ENGAGEMENT).get(2).event();
            assertEquals(PersonalData.REPLACEMENT, again.observation());
            assertEquals(SAM_OBSERVATION, ((FeedbackReceived) restarted.history(ENGAGEMENT).get(4).event()).observation());
        }

        // an auditor's bundle of the erased engagement carries ciphertext only, and still verifies offline
        Path bundle = directory.resolve("eng.bundle.json");
        LedgerIntegrity.on(dataSource).exportBundle(ENGAGEMENT.value(), bundle);
        String bundled = Files.readString(bundle, StandardCharsets.UTF_8);
        ROBINS_VALUES.forEach(value -> assertFalse(bundled.contains(value), "bundle holds '" + value + "'"));
        assertTrue(LedgerIntegrity.verifyBundle(bundle, digestKeys.getPublic(), org.engagementledger.integrity.VerificationProgress.NONE).intact());
    }

    @Test
    void theEngagementKeepsWorkingAfterAnErasureAndSnapshotsOfItAreRebuiltWithoutPlaintext() throws SQLException {
        ledger.eraseDataSubject(ROBIN, ErasureGround.OBJECTION, BUYER_OFFICIAL);

        assertEquals(0, count("SnapshotEventEntry WHERE aggregateIdentifier IN ('" + ENGAGEMENT.value() + "', '" + SECOND.value() + "')"),
                "the snapshots of the engagements concerned are purged");
        ledger.send(new RespondToFeedback(ENGAGEMENT, FeedbackId.of("FB-2"), "Thank you", null), AGENCY_STAFF);
        ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-3"), FeedbackSource.CITIZEN_PANEL, "Shorter letters please", null,
                SAM, null, null), AGENCY_STAFF);
        ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-4"), FeedbackSource.CITIZEN_PANEL, "Evening opening hours", null,
                SAM, null, null), AGENCY_STAFF);
        assertTrue(count("SnapshotEventEntry WHERE aggregateIdentifier = '" + ENGAGEMENT.value() + "'") > 0, "a new snapshot was taken");
        ledger.awaitReadModels(TIMEOUT);
        assertNoTableHoldsRobinsValues();
    }

    @Test
    void aSubjectRecordedAgainAfterItsErasureIsReadableUnderANewKeyWhileTheErasedDataStaysErased() throws SQLException {
        ledger.eraseDataSubject(ROBIN, ErasureGround.CONSENT_WITHDRAWN, AGENCY_STAFF);
        ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-5"), FeedbackSource.RIGHTS_HOLDER, "I agree to be contacted again",
                null, ROBIN, ROBIN_NAME, null), AGENCY_STAFF);
        ledger.awaitReadModels(TIMEOUT);

        List<RecordedEvent> history = ledger.history(ENGAGEMENT);
        FeedbackReceived renewed = (FeedbackReceived) history.get(history.size() - 1).event();
        assertEquals("I agree to be contacted again", renewed.observation());
        assertEquals(ROBIN_NAME, renewed.givenByName());
        assertEquals(PersonalData.REPLACEMENT, feedback(ENGAGEMENT, 0).observation());
        List<FeedbackEntry> log = ledger.feedbackLog(ENGAGEMENT).orElseThrow().feedback();
        assertEquals(PersonalData.REPLACEMENT, log.get(0).observation());
        assertEquals("I agree to be contacted again", log.get(2).observation());
    }

    @Test
    void erasingASubjectTwiceRecordsTheErasureOnce() {
        ledger.eraseDataSubject(ROBIN, ErasureGround.CONSENT_WITHDRAWN, AGENCY_STAFF);
        DataSubjectErasure repeated = ledger.eraseDataSubject(ROBIN, ErasureGround.CONSENT_WITHDRAWN, AGENCY_STAFF);

        assertEquals(new DataSubjectErasure(ROBIN, List.of(), 0), repeated);
        assertEquals(1, ledger.history(ENGAGEMENT).stream().filter(e -> e.event() instanceof DataSubjectErased).count());
    }

    @Test
    void anErasureRefusedInOneEngagementErasesNothingAnywhere() throws SQLException {
        ledger.send(southvaleEngagement(), SOUTHVALE_OFFICIAL);
        ledger.send(new RecordFeedback(SOUTHVALE_ENGAGEMENT, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, "Also waited in Southvale",
                null, ROBIN, null, null), SOUTHVALE_OFFICIAL);
        int before = ledger.history(ENGAGEMENT).size();

        NotPermittedException refused = assertThrows(NotPermittedException.class,
                () -> ledger.eraseDataSubject(ROBIN, ErasureGround.CONSENT_WITHDRAWN, AGENCY_STAFF));

        assertTrue(refused.getMessage().contains("must act for 'municipality-southvale' in engagement " + SOUTHVALE_ENGAGEMENT), refused.getMessage());
        assertEquals(before, ledger.history(ENGAGEMENT).size(), "no erasure event was stored in Northvale's engagement either");
        assertEquals(ROBIN_OBSERVATION, feedback(ENGAGEMENT, 0).observation(), "the key survived");
        assertEquals(1, count("ledger_personal_data_key WHERE subject_id = '" + ROBIN.value() + "'"));
        assertTrue(LedgerIntegrity.on(dataSource).verify(VerificationRequest.all()).intact());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static final EngagementId SOUTHVALE_ENGAGEMENT = EngagementId.of("ENG-2026-077");
    static final org.engagementledger.api.Actor SOUTHVALE_OFFICIAL = org.engagementledger.api.Actor.of("southvale-procurement",
            org.engagementledger.api.Role.AGENCY_BUYER, "municipality-southvale");

    private EngagementLedger ledger() {
        return EngagementLedger.builder().dataSource(dataSource).settings(LedgerSettings.DEFAULTS.withSnapshotThreshold(3)).build();
    }

    private static CommissionEngagement second() {
        CommissionEngagement c = commission();
        return new CommissionEngagement(SECOND, c.buyer(), c.buyerUnit(), c.supplier(), "Plain-language letters", c.problem(),
                c.intendedOutcome(), c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(), c.rightsHolderGroups(),
                c.ceiling(), c.period(), null);
    }

    private static CommissionEngagement southvaleEngagement() {
        CommissionEngagement c = commission();
        return new CommissionEngagement(SOUTHVALE_ENGAGEMENT, org.engagementledger.api.Party.of("municipality-southvale",
                "Municipality of Southvale"), c.buyerUnit(), c.supplier(), "Southvale job matching", c.problem(), c.intendedOutcome(),
                c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(), c.rightsHolderGroups(), c.ceiling(),
                c.period(), null);
    }

    /** The n-th FeedbackReceived of the engagement's history, read now. */
    private FeedbackReceived feedback(EngagementId engagement, int n) {
        return event(ledger.history(engagement), FeedbackReceived.class, n);
    }

    private static <T> T event(List<RecordedEvent> history, Class<T> type, int n) {
        return history.stream().map(RecordedEvent::event).filter(type::isInstance).map(type::cast).skip(n).findFirst().orElseThrow();
    }

    private void assertFeedbackLogShowsReplacementForRobinOnly() {
        List<FeedbackEntry> log = ledger.feedbackLog(ENGAGEMENT).orElseThrow().feedback();
        assertEquals(ROBIN, log.get(0).givenBy());
        assertEquals(List.of(PersonalData.REPLACEMENT, PersonalData.REPLACEMENT, PersonalData.REPLACEMENT),
                List.of(log.get(0).observation(), log.get(0).givenByName(), log.get(0).givenByContact()));
        assertEquals("We opened a single entry point", log.get(0).response());
        assertEquals(List.of(SAM_OBSERVATION, SAM_NAME, SAM_CONTACT),
                List.of(log.get(1).observation(), log.get(1).givenByName(), log.get(1).givenByContact()));
        FeedbackEntry second = ledger.feedbackLog(SECOND).orElseThrow().feedback().get(0);
        assertEquals(PersonalData.REPLACEMENT, second.observation());
        assertEquals(PersonalData.REPLACEMENT, second.givenByName());
        assertEquals(null, second.givenByContact(), "what was never recorded stays absent");
    }

    private static void assertShowsReplacementNotRobin(String where, String text) {
        assertTrue(text.contains(PersonalData.REPLACEMENT), where + " should show the replacement value");
        ROBINS_VALUES.forEach(value -> assertFalse(text.contains(value), where + " shows the erased '" + value + "'"));
    }

    private void assertNoTableHoldsRobinsValues() throws SQLException {
        for (String value : ROBINS_VALUES) {
            assertEquals(List.of(), tablesHolding(value), "tables still holding the erased '" + value + "'");
        }
        assertTrue(tablesHolding(SAM_OBSERVATION).contains("rm_feedback.observation"), "Sam's feedback is still readable in the read model");
    }

    /**
     * Every {@code table.column} of the ledger's schema, whatever its type, whose text or bytes contain {@code value}
     * (UTF-8): events, snapshots, tokens, read models, keys, digests and Flyway's history alike.
     */
    private List<String> tablesHolding(String value) throws SQLException {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        TreeSet<String> found = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object cell = rows.getObject(i);
                            byte[] bytes = cell instanceof byte[] b ? b : cell == null ? null : String.valueOf(cell).getBytes(StandardCharsets.UTF_8);
                            if (bytes != null && indexOf(bytes, needle) >= 0) {
                                found.add(table.toLowerCase(Locale.ROOT) + "." + rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(null, connection.getSchema(), "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList().containsAll(List.of("domainevententry",
                "snapshotevententry", "tokenentry", "rm_feedback", "ledger_personal_data_key", "ledger_personal_data_use", "ledger_digest")),
                "the scan sees every table: " + tables);
        return tables;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private long count(String tableAndCondition) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + tableAndCondition)) {
            row.next();
            return row.getLong(1);
        }
    }
}
