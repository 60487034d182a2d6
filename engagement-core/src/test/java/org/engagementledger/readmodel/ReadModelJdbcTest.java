package org.engagementledger.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReadModelJdbc} inside an event processor's batch: writes are deferred and batched, in order, and
 * commit or roll back with the batch's transaction.
 */
class ReadModelJdbcTest {

    private static final String INSERT = "INSERT INTO probe (id, label) VALUES (?, ?)";

    private HikariDataSource dataSource;
    private JdbcTransactionManager transactions;
    private final AtomicInteger statementsPrepared = new AtomicInteger();
    private ReadModelJdbc jdbc;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = TestDatabases.h2();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE probe (id INT PRIMARY KEY, label VARCHAR(20))");
        }
        transactions = new JdbcTransactionManager(dataSource);
        jdbc = new ReadModelJdbc(counting(transactions));
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }

    @Test
    void writesOfABatchReachTheTableWhenItCommitsAsOneStatementPerRunOfTheSameSql() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(100);
        AtomicInteger next = new AtomicInteger();
        batch.executeWithResult(() -> {
            int id = next.getAndIncrement();
            jdbc.update(INSERT, id, "row " + id);
            assertEquals(0, statementsPrepared.get(), "nothing is sent while the batch is processed");
            return null;
        });
        assertEquals(1, statementsPrepared.get(), "a hundred rows of the same statement are one JDBC batch");
        assertEquals(100, count());
    }

    @Test
    void aQueryInTheBatchSeesTheWritesIssuedBeforeItAndLaterWritesStayInOrder() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(1);
        List<Integer> seen = new ArrayList<>();
        batch.executeWithResult(() -> {
            jdbc.update(INSERT, 1, "first");
            seen.addAll(jdbc.query("SELECT id FROM probe", row -> row.getInt(1)));
            jdbc.update("UPDATE probe SET label = ? WHERE id = ?", "second", 1);
            jdbc.update(INSERT, 2, "third");
            jdbc.update("UPDATE probe SET label = ? WHERE id = ?", "fourth", 2);
            return null;
        });
        assertEquals(List.of(1), seen);
        assertEquals(List.of("1 second", "2 fourth"), jdbc.query("SELECT id, label FROM probe ORDER BY id",
                row -> row.getInt(1) + " " + row.getString(2)));
    }

    @Test
    void aFailingDeferredWriteFailsTheCommitAndNothingOfTheBatchIsStored() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
        AtomicInteger next = new AtomicInteger();
        // a batching unit of work reports a failed commit in its result; the processor then hands it to its error handler
        ResultMessage<?> result = batch.executeWithResult(() -> {
            int message = next.getAndIncrement();
            jdbc.update(INSERT, message == 2 ? 0 : message, "row " + message); // the third row repeats the first key
            return null;
        });
        assertTrue(result.isExceptional());
        JdbcException failure = assertInstanceOf(JdbcException.class, result.exceptionResult());
        assertTrue(failure.getMessage().contains(INSERT), failure.getMessage());
        assertTrue(batch.isRolledBack());
        assertEquals(0, count());
    }

    @Test
    void outsideAUnitOfWorkEveryWriteRunsAtOnce() {
        jdbc.update(INSERT, 7, "now");
        assertEquals(1, count());
    }

    private BatchingUnitOfWork<EventMessage<?>> batchOf(int messages) {
        List<EventMessage<?>> events = IntStream.range(0, messages)
                .<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.attachTransaction(transactions);
        return batch;
    }

    private int count() {
        return jdbc.query("SELECT COUNT(*) FROM probe", row -> row.getInt(1)).get(0);
    }

    /** The transaction's connections, counting the statements prepared on them for writing. */
    private ConnectionProvider counting(ConnectionProvider connections) {
        return () -> {
            Connection connection = connections.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && !((String) args[0]).startsWith("SELECT")) {
                            statementsPrepared.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
