package org.engagementledger.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.FeedbackAnswered;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.RecordFeedback;
import org.engagementledger.api.engagement.RespondToFeedback;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revision-1 rows of FeedbackReceived, as written before personal data was encrypted (no data subject, the
 * observation in plain text), read back through a JDBC store.
 */
class FeedbackReceivedUpcasterTest {

    private static final String OBSERVATION = "The ranking ignores travel time by public transport";
    private HikariDataSource dataSource;

    @BeforeEach
    void storeARevisionOneHistory() throws Exception {
        dataSource = TestDatabases.h2();
        LegacyRows.activeEngagement(dataSource).insert(2, FeedbackReceived.class.getName(), "1", LegacyRows.resource("/upcasting/FeedbackReceived-rev1.json"), "2026-02-12T09:00:00Z");
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aRevisionOneFeedbackIsReadAsRevisionTwoNamingNoDataSubjectWithItsObservationAsStored() {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            List<RecordedEvent> history = ledger.history(ENGAGEMENT);

            assertEquals(new FeedbackReceived(ENGAGEMENT, FeedbackId.of("FB-1"), FeedbackSource.FRONTLINE_STAFF, OBSERVATION,
                    REQUIREMENT, null, null, null), history.get(2).event());
        }
    }

    @Test
    void theEngagementKeepsWorkingOnTopOfUpcastFeedbackAndNewFeedbackIsStoredEncryptedAsRevisionTwo() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            ledger.send(new RespondToFeedback(ENGAGEMENT, FeedbackId.of("FB-1"), "Travel time added", null), AGENCY_STAFF);
            ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-2"), FeedbackSource.RIGHTS_HOLDER, "Letters arrive too late",
                    null, DataSubjectId.of("subject-rights-holder-2"), "Kim Example", null), AGENCY_STAFF);

            assertInstanceOf(FeedbackAnswered.class, ledger.history(ENGAGEMENT).get(3).event(), "the upcast feedback was known");
            assertEquals("Letters arrive too late", ((FeedbackReceived) ledger.history(ENGAGEMENT).get(4).event()).observation());
        }
        assertEquals(List.of("1", "2"), revisionsOf(FeedbackReceived.class.getName()),
                "the stored revision-1 row is never rewritten; the new one is revision 2");
        String stored = payloadAt(4);
        assertFalse(stored.contains("Letters arrive too late") || stored.contains("Kim Example"), stored);
        assertTrue(LedgerIntegrity.on(dataSource).verify(VerificationRequest.all()).intact(),
                "upcasting on read leaves the chain over the stored bytes intact");
    }

    /** The documented limit: what was stored in plain text before encryption names no subject, so no erasure reaches it. */
    @Test
    void aRevisionOneObservationNamesNoDataSubjectSoNoErasureReachesIt() {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            DataSubjectErasure erasure = ledger.eraseDataSubject(DataSubjectId.of("subject-frontline-17"), ErasureGround.OBJECTION,
                    AGENCY_STAFF);

            assertEquals(List.of(), erasure.engagements());
            assertEquals(OBSERVATION, ((FeedbackReceived) ledger.history(ENGAGEMENT).get(2).event()).observation());
        }
    }

    private List<String> revisionsOf(String type) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT payloadRevision FROM DomainEventEntry WHERE payloadType = ? ORDER BY sequenceNumber")) {
            query.setString(1, type);
            try (ResultSet rows = query.executeQuery()) {
                List<String> revisions = new ArrayList<>();
                while (rows.next()) {
                    revisions.add(rows.getString(1));
                }
                return revisions;
            }
        }
    }

    private String payloadAt(long sequence) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            query.setString(1, ENGAGEMENT.value());
            query.setLong(2, sequence);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return new String(row.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }
}
