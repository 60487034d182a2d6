package org.engagementledger.privacy;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.Transaction;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.LedgerSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JdbcPersonalDataKeys} on a migrated database (H2 and PostgreSQL by the subclasses): the contract, plus
 * what only a database store can show: the rows, transactions, several instances (processes) on one database.
 */
abstract class JdbcPersonalDataKeysContract extends PersonalDataKeysContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    protected HikariDataSource dataSource;
    private JdbcTransactionManager transactions;
    private JdbcPersonalDataKeys keys;

    protected abstract HikariDataSource newDataSource();

    protected abstract void release(HikariDataSource dataSource);

    @BeforeEach
    void openStore() {
        dataSource = newDataSource();
        LedgerSchema.migrate(dataSource);
        transactions = new JdbcTransactionManager(dataSource);
        keys = instance(Duration.ofMinutes(5));
    }

    @AfterEach
    void closeStore() {
        release(dataSource);
    }

    @Override
    protected PersonalDataKeys keys() {
        return keys;
    }

    /** Another process on the same database: its own caches, nothing shared but the tables. */
    private JdbcPersonalDataKeys instance(Duration cacheTtl) {
        return new JdbcPersonalDataKeys(dataSource, transactions, new PersonalDataCipher(), cacheTtl, CLOCK);
    }

    @Test
    void aKeyRowHoldsARandomIdThePseudonymThirtyTwoBytesOfKeyAndItsCreationTimeNothingElse() throws SQLException {
        SubjectKey robin = keys.keyForWriting(ROBIN, A);

        List<List<Object>> rows = rows("SELECT key_id, subject_id, key_material, created_at FROM ledger_personal_data_key");
        assertEquals(1, rows.size());
        assertEquals(robin.keyId().toString(), rows.get(0).get(0));
        assertEquals(4, UUID.fromString((String) rows.get(0).get(0)).version());
        assertEquals("subject-robin", rows.get(0).get(1));
        assertArrayEquals(robin.key().getEncoded(), (byte[]) rows.get(0).get(2));
        assertEquals("2026-05-01T10:00:00Z", rows.get(0).get(3));
        assertEquals(List.of(List.of("subject-robin", "ENG-2026-001")),
                rows("SELECT subject_id, engagement_id FROM ledger_personal_data_use"));
    }

    @Test
    void aDestructionRolledBackWithItsTransactionLeavesTheKeyInPlace() {
        SubjectKey robin = keys.keyForWriting(ROBIN, A);

        Transaction transaction = transactions.startTransaction();
        assertEquals(List.of(robin.keyId()), keys.destroy(ROBIN));
        transaction.rollback();

        JdbcPersonalDataKeys fresh = instance(Duration.ZERO);
        assertTrue(fresh.keyForReading(robin.keyId()).isPresent(), "the key survives a failed erasure");
        assertTrue(keys.keyForReading(robin.keyId()).isPresent());
    }

    @Test
    void anErasureCommittedThroughAnInstanceIsHonouredByItAtOnceWhateverItsCache() {
        SubjectKey robin = keys.keyForWriting(ROBIN, A);
        assertTrue(keys.keyForReading(robin.keyId()).isPresent(), "cached now");

        Transaction transaction = transactions.startTransaction();
        List<UUID> destroyed = keys.destroy(ROBIN);
        transaction.commit();
        keys.erasureCommitted(ROBIN, destroyed);

        assertTrue(keys.keyForReading(robin.keyId()).isEmpty());
        assertTrue(!keys.keyForWriting(ROBIN, A).keyId().equals(robin.keyId()), "a new key, not the cached one");
    }

    @Test
    void anotherInstanceWithoutACacheSeesAnErasureAtOnceAndOneWithACacheWithinItsCacheTime() throws InterruptedException {
        SubjectKey robin = keys.keyForWriting(ROBIN, A);
        JdbcPersonalDataKeys uncached = instance(Duration.ZERO);
        JdbcPersonalDataKeys cachedBriefly = instance(Duration.ofMillis(300));
        assertTrue(uncached.keyForReading(robin.keyId()).isPresent());
        assertTrue(cachedBriefly.keyForReading(robin.keyId()).isPresent());

        keys.erasureCommitted(ROBIN, keys.destroy(ROBIN)); // no transaction: the delete commits at once

        assertTrue(uncached.keyForReading(robin.keyId()).isEmpty(), "no cache: the erasure is seen at once");
        Thread.sleep(400);
        assertTrue(cachedBriefly.keyForReading(robin.keyId()).isEmpty(), "past its cache time the erasure is seen");
    }

    @Test
    void noProcessEncryptsNewDataWithAKeyWhoseDestructionHasCommittedWhateverItsCache() {
        JdbcPersonalDataKeys otherProcess = instance(Duration.ofMinutes(5));
        SubjectKey old = otherProcess.keyForWriting(ROBIN, A);

        keys.erasureCommitted(ROBIN, keys.destroy(ROBIN));

        SubjectKey next = otherProcess.keyForWriting(ROBIN, A);
        assertTrue(!next.keyId().equals(old.keyId()), "a new key, not the destroyed one");
        assertTrue(keys.keyForReading(next.keyId()).isPresent());
    }

    @Test
    void writersInSeveralProcessesCreatingTheFirstKeyOfASubjectAtOnceAllGetTheSameKey() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<UUID>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                JdbcPersonalDataKeys process = instance(Duration.ofMinutes(5));
                Callable<UUID> write = () -> {
                    start.await();
                    return process.keyForWriting(DataSubjectId.of("subject-race"), A).keyId();
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            Set<UUID> ids = new HashSet<>();
            for (Future<UUID> result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, ids.size(), "one key for the subject: " + ids);
            assertEquals(1, rows("SELECT key_id FROM ledger_personal_data_key WHERE subject_id = 'subject-race'").size());
            assertEquals(1, rows("SELECT engagement_id FROM ledger_personal_data_use WHERE subject_id = 'subject-race'").size());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
