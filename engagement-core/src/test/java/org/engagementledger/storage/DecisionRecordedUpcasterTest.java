package org.engagementledger.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.DecisionId;
import org.engagementledger.api.engagement.DecisionRecorded;
import org.engagementledger.api.engagement.RecordDecision;
import org.engagementledger.engagement.EngagementFixtures;
import org.engagementledger.integrity.EventHasher;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.StoredEvent;
import org.engagementledger.integrity.VerificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.StoreReplay;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Revision-1 rows of DecisionRecorded, as written before revision 2 existed, read back through a JDBC store. */
class DecisionRecordedUpcasterTest {

    private static final String RECORDED_AT = "2026-03-05T10:15:30Z";
    private HikariDataSource dataSource;
    private String previousHash = "0".repeat(64);

    @BeforeEach
    void storeARevisionOneHistory() throws Exception {
        dataSource = TestDatabases.h2();
        LedgerSchema.migrate(dataSource);
        insertRaw(0, "org.engagementledger.api.engagement.EngagementCommissioned", "1", resource("/approved-events/EngagementCommissioned.json"), "2026-01-02T09:00:00Z");
        insertRaw(1, "org.engagementledger.api.engagement.EngagementActivated", "1", resource("/approved-events/EngagementActivated.json"), "2026-01-15T09:00:00Z");
        insertRaw(2, DecisionRecorded.class.getName(), "1", resource("/upcasting/DecisionRecorded-rev1.json"), RECORDED_AT);
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

    /**
     * Writes a row as the ledger stored it before revision 2 existed: old payload, actor metadata and the
     * hash-chain links computed over those stored bytes, so that the chain stays intact across the upcast.
     */
    private void insertRaw(long sequence, String type, String revision, String payload, String timestamp) throws SQLException {
        String actor = "\"actorId\":\"" + BUYER_OFFICIAL.id() + "\",\"actorRole\":\"AGENCY_BUYER\",\"actorOrganisation\":\"" + BUYER.id() + "\"";
        String eventId = UUID.randomUUID().toString();
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        StoredEvent unchained = new StoredEvent(null, ENGAGEMENT.value(), sequence, "Engagement", eventId, timestamp, type, revision,
                payloadBytes, ("{" + actor + "}").getBytes(StandardCharsets.UTF_8));
        String hash = EventHasher.hash(unchained, previousHash);
        String metaData = "{" + actor + ",\"" + EventHasher.CHAIN_VERSION + "\":\"" + EventHasher.FORMAT_VERSION + "\",\""
                + EventHasher.CHAIN_PREV + "\":\"" + previousHash + "\",\"" + EventHasher.CHAIN_HASH + "\":\"" + hash + "\"}";
        previousHash = hash;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, ENGAGEMENT.value());
            insert.setLong(3, sequence);
            insert.setString(4, "Engagement");
            insert.setString(5, timestamp);
            insert.setString(6, type);
            insert.setString(7, revision);
            insert.setBytes(8, payloadBytes);
            insert.setBytes(9, metaData.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
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

    private static String resource(String path) throws IOException {
        try (InputStream in = EngagementFixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
