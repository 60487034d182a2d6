package org.engagementledger.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Real JDBC transactions for Axon without Spring: a transaction binds one connection (auto-commit
 * off) to the current thread, and every {@link #getConnection()} on that thread returns it until the
 * transaction commits or rolls back. So one command's events, and one read-model batch with its
 * token, are written atomically.
 *
 * <p>Nested transactions join the outer one: an inner rollback marks the outer transaction
 * rollback-only, and the outer commit then rolls back and fails. Outside a transaction,
 * {@link #getConnection()} hands out an ordinary connection from the data source, which the caller
 * closes.
 */
public final class JdbcTransactionManager implements TransactionManager, ConnectionProvider {

    private final DataSource dataSource;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    public JdbcTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when the current thread runs inside a transaction of this manager. */
    public boolean inTransaction() {
        return bound.get() != null;
    }

    @Override
    public Transaction startTransaction() {
        Bound current = bound.get();
        if (current != null) {
            current.depth++;
            return new Nested(current);
        }
        try {
            Connection connection = dataSource.getConnection();
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            Bound outer = new Bound(connection, autoCommit);
            bound.set(outer);
            return new Outer(outer);
        } catch (SQLException e) {
            throw new JdbcStorageException("could not start a transaction", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Bound current = bound.get();
        if (current == null) {
            return dataSource.getConnection();
        }
        return unclosable(current.connection);
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "unwrap":
                            if (args[0] == Connection.class) {
                                return connection;
                            }
                            break;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final class Bound {
        final Connection connection;
        final boolean restoreAutoCommit;
        int depth;
        boolean rollbackOnly;

        Bound(Connection connection, boolean restoreAutoCommit) {
            this.connection = connection;
            this.restoreAutoCommit = restoreAutoCommit;
        }
    }

    private final class Outer implements Transaction {
        private final Bound state;

        Outer(Bound state) {
            this.state = state;
        }

        @Override
        public void commit() {
            try {
                if (state.rollbackOnly) {
                    state.connection.rollback();
                    throw new JdbcStorageException("transaction was marked rollback-only by a nested transaction and has been rolled back", null);
                }
                state.connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new JdbcStorageException("commit failed; the transaction was rolled back", e);
            } finally {
                release();
            }
        }

        @Override
        public void rollback() {
            try {
                state.connection.rollback();
            } catch (SQLException e) {
                throw new JdbcStorageException("rollback failed", e);
            } finally {
                release();
            }
        }

        private void rollbackQuietly() {
            try {
                state.connection.rollback();
            } catch (SQLException ignored) {
                // the connection is discarded below; the database rolls back on close
            }
        }

        private void release() {
            bound.remove();
            try {
                if (state.restoreAutoCommit) {
                    state.connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // a broken connection: closing it is all that is left to do
            } finally {
                try {
                    state.connection.close();
                } catch (SQLException ignored) {
                    // nothing more to release
                }
            }
        }
    }

    private static final class Nested implements Transaction {
        private final Bound state;
        private boolean done;

        Nested(Bound state) {
            this.state = state;
        }

        @Override
        public void commit() {
            finish();
        }

        @Override
        public void rollback() {
            state.rollbackOnly = true;
            finish();
        }

        private void finish() {
            if (!done) {
                done = true;
                state.depth--;
            }
        }
    }
}
