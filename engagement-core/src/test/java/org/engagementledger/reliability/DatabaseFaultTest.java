package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.readmodel.ReadModelTables;
import org.engagementledger.storage.JdbcStorageException;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.reliability.Reliability.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * PostgreSQL connections dropped under the ledger with {@code pg_terminate_backend} (what a server restart,
 * a failover or an administrator does to a session): the command in flight fails with the ledger's storage
 * error, nothing of it is stored, the pool recovers, and the same command sent again succeeds, at the
 * sequence number it would have had, on an intact chain.
 *
 * <p>Only sessions of this test's own pool are terminated (the pid of the command's own connection). Not run on H2: an embedded database has no server session to drop; its equivalent, the
 * process dying with the database open, is {@link CrashRecoveryTest}.
 */
class DatabaseFaultTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private HikariDataSource schema;
    private HikariDataSource dataSource;
    private EngagementLedger ledger;
    private String applicationName;

    @BeforeEach
    void startLedgerWithAnActiveEngagement() {
        schema = TestDatabases.postgres();
        applicationName = "ledger-fault-" + UUID.randomUUID();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schema.getJdbcUrl() + "&ApplicationName=" + applicationName);
        config.setUsername(TestDatabases.PG_USER);
        config.setPassword(TestDatabases.PG_PASSWORD);
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        ledger = EngagementLedger.jdbc(dataSource);
        ledger.send(commission(), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
        ledger.send(entry("before"), CONSULTANT);
    }

    @AfterEach
    void stop() {
        ledger.close();
        dataSource.close();
        TestDatabases.dropSchema(schema);
    }

    /**
     * The session is terminated after the command's event was inserted (the transaction sees its own row)
     * and before the commit: the insert is lost with the session, the commit fails, and the command reports
     * it. The retry must get sequence 3, which also shows the aggregate cache and the chain's head cache kept
     * nothing of the failed attempt.
     */
    @Test
    void aSessionKilledBetweenInsertAndCommitFailsTheCommandCleanlyAndARetrySucceeds() throws Exception {
        AtomicLong rowsSeenInsideTheTransaction = new AtomicLong(-1);
        AtomicBoolean armed = new AtomicBoolean(true);
        JdbcTransactionManager transactions = (JdbcTransactionManager) ledger.axonConfiguration().getComponent(TransactionManager.class);
        MessageHandlerInterceptor<CommandMessage<?>> killer = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (armed.getAndSet(false)) {
                // runs after the event store's own prepare-commit step, which inserted the event
                unitOfWork.onPrepareCommit(u -> {
                    try {
                        Connection own = transactions.getConnection();
                        rowsSeenInsideTheTransaction.set(count(own));
                        terminate(backendPid(own));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            return result;
        };
        ledger.axonConfiguration().commandBus().registerHandlerInterceptor(killer);

        RuntimeException failed = assertThrows(RuntimeException.class, () -> ledger.send(entry("retried"), CONSULTANT));

        System.out.println("DatabaseFaultTest: killed between insert and commit: " + chain(failed));
        assertEquals(4, rowsSeenInsideTheTransaction.get(), "the event had been inserted when the session was killed");
        assertTrue(causedByALostSession(failed), () -> "expected a terminated session as the cause: " + chain(failed));
        assertEquals(3, storedEvents(dataSource), "nothing of the failed command may be stored");
        assertEquals(List.of("before"), timeEntries(ledger.history(ENGAGEMENT)));

        assertARetrySucceedsAndNothingIsLost();
    }

    /**
     * The session is terminated after the command's transaction took its connection and before the command
     * touched the database: loading the engagement fails (Axon logs the failed snapshot read and goes on; the
     * event read then finds the connection closed). Only that connection is lost; the pool replaces it.
     * (Without the aggregate cache, so that the first statement is the load: with the
     * cache it is the insert batch, where PostgreSQL's driver trips its own internal {@code assert} when the
     * JVM runs with assertions enabled, as tests do.)
     */
    @Test
    void aSessionKilledBeforeTheCommandsFirstStatementFailsTheCommandCleanlyAndARetrySucceeds() throws Exception {
        ledger.close();
        ledger = EngagementLedger.builder().dataSource(dataSource).settings(LedgerSettings.DEFAULTS.withCacheSize(0)).build();
        AtomicBoolean armed = new AtomicBoolean(true);
        JdbcTransactionManager transactions = (JdbcTransactionManager) ledger.axonConfiguration().getComponent(TransactionManager.class);
        MessageHandlerInterceptor<CommandMessage<?>> killer = (unitOfWork, chain) -> {
            if (armed.getAndSet(false)) {
                assertTrue(transactions.inTransaction(), "the command's transaction holds its connection already");
                terminate(backendPid(transactions.getConnection()));
            }
            return chain.proceed();
        };
        ledger.axonConfiguration().commandBus().registerHandlerInterceptor(killer);

        RuntimeException failed = assertThrows(RuntimeException.class, () -> ledger.send(entry("retried"), CONSULTANT));

        System.out.println("DatabaseFaultTest: killed before the first statement: " + chain(failed));
        assertTrue(causedByALostSession(failed), () -> "expected a terminated session as the cause: " + chain(failed));
        assertEquals(3, storedEvents(dataSource), "nothing of the failed command may be stored");

        assertARetrySucceedsAndNothingIsLost();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** After the failed command: its retry and one more command succeed, gapless and chained, and the read models recover. */
    private void assertARetrySucceedsAndNothingIsLost() throws SQLException {
        ledger.send(entry("retried"), CONSULTANT);
        ledger.send(entry("after"), CONSULTANT);

        List<RecordedEvent> history = ledger.history(ENGAGEMENT);
        assertGapless(history);
        assertEquals(List.of("before", "retried", "after"), timeEntries(history));
        assertChainVerifies(dataSource, 5);
        assertReadModelsEqualARebuild();
    }

    /** The read-model processor lost sessions too: it must still catch up, to exactly what a rebuild gives. */
    private void assertReadModelsEqualARebuild() throws SQLException {
        ledger.awaitReadModels(CATCH_UP);
        Map<String, List<List<String>>> live = ReadModelTables.dump(dataSource);
        ledger.rebuildReadModels();
        ledger.awaitReadModels(CATCH_UP);
        assertEquals(live, ReadModelTables.dump(dataSource));
    }

    private static LogTime entry(String id) {
        return new LogTime(ENGAGEMENT, "Consultant A", "Data scientist", day("2026-02-03"), BigDecimal.ONE, eur("100.00"),
                CostCategory.DELIVERY, null, id);
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()"); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Terminates one session and waits (up to 10 s, PostgreSQL 14+) until it is gone. */
    private static void terminate(int pid) throws SQLException {
        try (Connection admin = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
             PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            statement.setInt(1, pid);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertTrue(rows.getBoolean(1), "session " + pid + " was not terminated");
            }
        }
    }

    /**
     * SQLState 57P01 (admin shutdown) or class 08 (connection exception) somewhere in the cause chain, or the
     * pool's "Connection is closed" for a connection it has already found broken.
     */
    private static boolean causedByALostSession(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getSQLState() != null
                    && (sql.getSQLState().equals("57P01") || sql.getSQLState().startsWith("08"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getClass().getName()).append(": ").append(cause.getMessage());
            if (cause instanceof SQLException sql) {
                text.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            text.append("\n  caused by ");
        }
        return text.toString();
    }
}
