package org.engagementledger.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.engagement.EngagementCommissioned;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.engagement.CeilingExceededException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** What every JDBC store must do; run on H2 and on PostgreSQL by the subclasses. */
abstract class JdbcLedgerContract {

    protected HikariDataSource dataSource;

    protected abstract HikariDataSource newDataSource();

    protected abstract void release(HikariDataSource dataSource);

    @BeforeEach
    void openDatabase() {
        dataSource = newDataSource();
    }

    @AfterEach
    void closeDatabase() {
        release(dataSource);
    }

    @Test
    void commandsAreStoredAndReadBackThroughJson() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.send(new org.engagementledger.api.engagement.ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
            ledger.send(logTime("7.25", "133.33"), CONSULTANT);

            List<RecordedEvent> history = ledger.history(ENGAGEMENT);
            assertEquals(3, history.size());
            assertEquals(commissioned(), history.get(0).event());
            assertEquals(BUYER_OFFICIAL, history.get(0).actor());
            assertEquals(eur("966.64"), ((TimeLogged) history.get(2).event()).amount());
        }
        assertEquals(3, count("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadRevision = '1'"));
    }

    @Test
    void anEngagementExistsFromItsFirstStoredEventAndAnUnknownOneDoesNot() {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            assertFalse(ledger.exists(ENGAGEMENT));
            ledger.send(commission(), BUYER_OFFICIAL);

            assertTrue(ledger.exists(ENGAGEMENT));
            assertFalse(ledger.exists(org.engagementledger.api.EngagementId.of("ENG-2026-999")));
        }
    }

    @Test
    void aRefusedCommandStoresNothing() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.send(new org.engagementledger.api.engagement.ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
            assertThrows(CeilingExceededException.class, () -> ledger.send(logTime("10", "20000.00"), CONSULTANT));
        }
        assertEquals(2, count("SELECT COUNT(*) FROM DomainEventEntry"));
    }

    @Test
    void snapshotsAreStoredAsJsonAndReloadInAFreshLedger() throws SQLException {
        LedgerSettings everyFiveEvents = LedgerSettings.DEFAULTS.withSnapshotThreshold(5);
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource, everyFiveEvents)) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.send(new org.engagementledger.api.engagement.ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
            for (int i = 0; i < 8; i++) {
                ledger.send(logTime("8", "1000.00"), CONSULTANT);
            }
        }
        assertTrue(count("SELECT COUNT(*) FROM SnapshotEventEntry") >= 1, "a snapshot must have been taken");
        String snapshot = text("SELECT payload FROM SnapshotEventEntry ORDER BY sequenceNumber DESC");
        assertTrue(snapshot.contains("\"committed\":{\"amount\":\""), snapshot);

        // A fresh ledger (empty cache) loads from the snapshot and still enforces the ceiling exactly:
        // 8 x 8,000 = 64,000 committed, so 36,000 more fits and 1 cent more does not.
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource, everyFiveEvents.withCacheSize(0))) {
            ledger.send(logTime("8", "4500.00"), CONSULTANT);
            CeilingExceededException refused = assertThrows(CeilingExceededException.class,
                    () -> ledger.send(logTime("1", "0.01"), CONSULTANT));
            assertEquals(eur("100000.00"), refused.committed());
            assertInstanceOf(EngagementCommissioned.class, ledger.history(ENGAGEMENT).get(0).event());
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
