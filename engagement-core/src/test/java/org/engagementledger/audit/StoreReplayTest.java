package org.engagementledger.audit;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.engagement.EngagementFixtures;
import org.engagementledger.integrity.Finding;
import org.engagementledger.integrity.FindingKind;
import org.engagementledger.integrity.VerificationRequest;
import org.engagementledger.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.engagementledger.engagement.EngagementFixtures.BUYER_OFFICIAL;
import static org.engagementledger.engagement.EngagementFixtures.CONSULTANT;
import static org.engagementledger.engagement.EngagementFixtures.SIGNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole-store replay on H2 folds every engagement as the per-engagement history does, and verifies on the way. */
class StoreReplayTest {

    private static final List<EngagementId> ENGAGEMENTS = List.of(EngagementId.of("ENG-2026-101"), EngagementId.of("ENG-2026-102"),
            EngagementId.of("ENG-2026-103"));

    private HikariDataSource dataSource;
    private EngagementLedger ledger;

    @BeforeEach
    void recordThreeEngagements() {
        dataSource = TestDatabases.h2();
        ledger = EngagementLedger.builder().dataSource(dataSource).readModels(false).build();
        for (int e = 0; e < ENGAGEMENTS.size(); e++) {
            EngagementId id = ENGAGEMENTS.get(e);
            ledger.send(commission(id), BUYER_OFFICIAL);
            ledger.send(new ActivateEngagement(id, SIGNED), BUYER_OFFICIAL);
            for (int i = 0; i <= e * 3; i++) {
                ledger.send(logTime(id, "7.5", "120.00"), CONSULTANT);
            }
        }
    }

    private static CommissionEngagement commission(EngagementId id) {
        CommissionEngagement c = EngagementFixtures.commission();
        return new CommissionEngagement(id, c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(), c.intendedOutcome(),
                c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(), c.rightsHolderGroups(), c.ceiling(),
                c.period(), c.procurementReference());
    }

    private static LogTime logTime(EngagementId id, String hours, String rate) {
        LogTime l = EngagementFixtures.logTime(hours, rate);
        return new LogTime(id, l.person(), l.personRole(), l.date(), l.hours(), l.hourlyRate(), l.category(), null, l.description());
    }

    @AfterEach
    void closeDatabase() {
        ledger.close();
        dataSource.close();
    }

    @Test
    void everyEngagementIsFoldedToTheStateItsOwnHistoryGives() {
        Map<EngagementId, EngagementState> replayed = new LinkedHashMap<>();

        StoreReplay.Result result = ledger.replayStore(VerificationRequest.all(), state -> replayed.put(state.engagementId(), state));

        assertEquals(ENGAGEMENTS, List.copyOf(replayed.keySet()));
        for (EngagementId id : ENGAGEMENTS) {
            assertEquals(ledger.auditHistory(id).state(), replayed.get(id), "state of " + id);
        }
        assertEquals(3, result.engagements());
        assertEquals(2 + 1 + 2 + 4 + 2 + 7, result.events());
        assertTrue(result.verification().intact(), result.verification().findings().toString());
    }

    @Test
    void aTamperedRowIsReportedAndTheReplayStillFoldsEveryEngagement() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 3");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 3")) {
            select.setString(1, ENGAGEMENTS.get(1).value());
            byte[] metaData;
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                metaData = row.getBytes(1);
            }
            String edited = new String(metaData, StandardCharsets.UTF_8).replace("lead-consultant", "someone-else");
            update.setBytes(1, edited.getBytes(StandardCharsets.UTF_8));
            update.setString(2, ENGAGEMENTS.get(1).value());
            assertEquals(1, update.executeUpdate());
        }
        List<EngagementState> replayed = new ArrayList<>();

        StoreReplay.Result result = ledger.replayStore(VerificationRequest.all(), replayed::add);

        assertEquals(3, replayed.size());
        assertEquals(List.of(FindingKind.HASH_MISMATCH), result.verification().findings().stream().map(Finding::kind).toList());
        assertEquals(ENGAGEMENTS.get(1).value(), result.verification().findings().get(0).engagementId());
        assertEquals(3L, result.verification().findings().get(0).sequence());
    }

    @Test
    void aStoreLargerThanTheVerifiersWindowIsFoldedAndVerifiedInScanOrder() throws SQLException {
        // more rows than the verifier's worker threads hold in flight, so batches are prepared out of order
        EngagementId big = EngagementId.of("ENG-2026-104");
        ledger.send(commission(big), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(big, SIGNED), BUYER_OFFICIAL);
        for (int i = 0; i < 1_600; i++) {
            ledger.send(logTime(big, "0.25", "1.00"), CONSULTANT);
        }
        for (long sequence : new long[] {300, 1_301}) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE DomainEventEntry SET timeStamp = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
                update.setString(1, "2026-03-01T00:00:00.000Z");
                update.setString(2, big.value());
                update.setLong(3, sequence);
                assertEquals(1, update.executeUpdate());
            }
        }
        Map<EngagementId, EngagementState> replayed = new LinkedHashMap<>();

        StoreReplay.Result result = ledger.replayStore(VerificationRequest.all(), state -> replayed.put(state.engagementId(), state));

        List<EngagementId> all = new ArrayList<>(ENGAGEMENTS);
        all.add(big);
        assertEquals(all, List.copyOf(replayed.keySet()));
        assertEquals(ledger.auditHistory(big).state(), replayed.get(big));
        assertEquals(2 + 1 + 2 + 4 + 2 + 7 + 2 + 1_600, result.events());
        assertEquals(List.of(300L, 1_301L), result.verification().findings().stream().map(Finding::sequence).toList());
        assertTrue(result.verification().findings().stream().allMatch(f -> f.kind() == FindingKind.HASH_MISMATCH));
    }

    @Test
    void anInMemoryLedgerHasNoStoreToReplay() {
        try (EngagementLedger inMemory = EngagementLedger.inMemory()) {
            assertThrows(IllegalStateException.class, () -> inMemory.replayStore(VerificationRequest.all(), state -> { }));
        }
    }
}
