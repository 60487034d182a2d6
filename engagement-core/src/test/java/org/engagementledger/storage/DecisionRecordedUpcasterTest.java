package org.engagementledger.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.DecisionId;
import org.engagementledger.api.engagement.DecisionRecorded;
import org.engagementledger.api.engagement.RecordDecision;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.StoreReplay;

import java.time.LocalDate;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Revision-1 rows of DecisionRecorded, as written before revision 2 existed, read back through a JDBC store. */
class DecisionRecordedUpcasterTest {

    private static final String RECORDED_AT = "2026-03-05T10:15:30Z";
    private HikariDataSource dataSource;

    @BeforeEach
    void storeARevisionOneHistory() throws Exception {
        dataSource = TestDatabases.h2();
        LegacyRows.activeEngagement(dataSource).insert(2, DecisionRecorded.class.getName(), "1", LegacyRows.resource("/upcasting/DecisionRecorded-rev1.json"), RECORDED_AT);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aRevisionOneDecisionIsReadAsRevisionTwoDecidedOnTheDayItWasRecorded() {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            List<RecordedEvent> history = ledger.history(ENGAGEMENT);

            assertEquals(new DecisionRecorded(ENGAGEMENT, DecisionId.of("decision-1"), "Pilot in two offices before rollout",
                    "Limits the risk of poor matches before every office depends on the ranking", LocalDate.parse("2026-03-05")),
                    history.get(2).event());
        }
    }

    @Test
    void theEngagementKeepsWorkingOnTopOfUpcastHistoryAndNewDecisionsAreStoredAsRevisionTwo() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            ledger.send(new RecordDecision(ENGAGEMENT, "Roll out to all offices", "Pilot met its targets", day("2026-09-01")), AGENCY_STAFF);

            DecisionRecorded second = (DecisionRecorded) ledger.history(ENGAGEMENT).get(3).event();
            assertEquals(DecisionId.of("decision-2"), second.decisionId(), "the aggregate counted the upcast decision");
            assertEquals(day("2026-09-01"), second.decidedOn());
        }
        assertEquals(List.of("1", "2"), revisionsOf(DecisionRecorded.class.getName()),
                "the stored revision-1 row is never rewritten; the new one is revision 2");
        assertTrue(LedgerIntegrity.on(dataSource).verify(VerificationRequest.all()).intact(),
                "upcasting on read leaves the chain over the stored bytes intact");
    }

    @Test
    void aWholeStoreReplayUpcastsTheRevisionOneDecisionAsTheHistoryDoes() {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            List<EngagementState> replayed = new java.util.ArrayList<>();

            StoreReplay.Result result = ledger.replayStore(VerificationRequest.all(), replayed::add);

            assertEquals(List.of(ledger.auditHistory(ENGAGEMENT).state()), replayed);
            assertTrue(result.verification().intact(), result.verification().findings().toString());
        }
    }

    private List<String> revisionsOf(String type) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT payloadRevision FROM DomainEventEntry WHERE payloadType = ? ORDER BY sequenceNumber")) {
            query.setString(1, type);
            try (ResultSet rows = query.executeQuery()) {
                List<String> revisions = new java.util.ArrayList<>();
                while (rows.next()) {
                    revisions.add(rows.getString(1));
                }
                return revisions;
            }
        }
    }
}
