package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.engagementledger.api.Actor;
import org.engagementledger.api.Identifier;
import org.engagementledger.api.Money;
import org.engagementledger.api.Role;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The little JDBC the read models need. Every call takes its connection from the
 * {@link ConnectionProvider} and closes it again: inside the event processor's transaction the
 * provider hands out the transaction's connection (and closing it is a no-op), so read-model writes
 * commit or roll back together with the processor's token.
 *
 * <p>Inside a unit of work (an event processor's batch) writes are deferred and sent as JDBC batches:
 * consecutive writes with the same SQL become one batch, so that projecting a hundred cost events is one
 * round trip rather than a hundred. Order is kept: every query first sends the writes deferred before it,
 * and the unit of work sends the rest when it prepares to commit, inside its transaction. A failing
 * deferred write therefore fails the commit, and the whole batch is rolled back and retried, as a
 * failing handler's would be. Outside a unit of work (tests, tools), or once it is committing, every write
 * runs at once.
 */
final class ReadModelJdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final ConnectionProvider connections;

    ReadModelJdbc(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** Writes now, or, inside a unit of work, with the next query or before it commits (see the class comment). */
    void update(String sql, Object... parameters) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().phase() == UnitOfWork.Phase.STARTED) {
            pendingWrites().add(sql, parameters);
            return;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcException("read model update failed: " + sql, e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        flushPendingWrites();
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new JdbcException("read model query failed: " + sql, e);
        }
    }

    boolean exists(String sql, Object... parameters) {
        return !query(sql, row -> Boolean.TRUE, parameters).isEmpty();
    }

    /** The writes deferred in the current unit of work (shared by every projection), created with the hook that sends them. */
    private PendingWrites pendingWrites() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        PendingWrites pending = unitOfWork.getResource(PendingWrites.RESOURCE);
        if (pending == null) {
            pending = new PendingWrites(connections);
            unitOfWork.resources().put(PendingWrites.RESOURCE, pending);
            PendingWrites registered = pending;
            unitOfWork.onPrepareCommit(u -> registered.flush());
        }
        return pending;
    }

    private static void flushPendingWrites() {
        if (CurrentUnitOfWork.isStarted()) {
            PendingWrites pending = CurrentUnitOfWork.get().root().getResource(PendingWrites.RESOURCE);
            if (pending != null) {
                pending.flush();
            }
        }
    }

    /** Writes waiting for the next query or for the commit, in the order they were issued. */
    private static final class PendingWrites {
        static final String RESOURCE = PendingWrites.class.getName();

        private record Write(String sql, Object[] parameters) {
        }

        private final ConnectionProvider connections;
        private final List<Write> writes = new ArrayList<>();

        PendingWrites(ConnectionProvider connections) {
            this.connections = connections;
        }

        void add(String sql, Object[] parameters) {
            writes.add(new Write(sql, parameters));
        }

        /** Sends the writes, each run of consecutive writes with the same SQL as one JDBC batch. */
        void flush() {
            if (writes.isEmpty()) {
                return;
            }
            List<Write> sending = List.copyOf(writes);
            writes.clear();
            try (Connection connection = connections.getConnection()) {
                int from = 0;
                while (from < sending.size()) {
                    String sql = sending.get(from).sql();
                    int to = from + 1;
                    while (to < sending.size() && sending.get(to).sql().equals(sql)) {
                        to++;
                    }
                    execute(connection, sql, sending.subList(from, to));
                    from = to;
                }
            } catch (SQLException e) {
                throw new JdbcException("read model update failed", e);
            }
        }

        private static void execute(Connection connection, String sql, List<Write> batch) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (batch.size() == 1) {
                    bindAll(statement, batch.get(0).parameters());
                    statement.executeUpdate();
                    return;
                }
                for (Write write : batch) {
                    bindAll(statement, write.parameters());
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                throw new JdbcException("read model update failed (" + batch.size() + " rows): " + sql, cause);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bindAll(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bindAll(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bind(statement, i + 1, parameters[i]);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            // untyped: both PostgreSQL and H2 take the type from the column
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Identifier id) {
            statement.setString(index, id.value());
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof Currency currency) {
            statement.setString(index, currency.getCurrencyCode());
        } else {
            statement.setObject(index, value);
        }
    }

    // ---- reading columns ----------------------------------------------------------------------------

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** An amount column read as {@link Money} in the currency of {@code currencyColumn}; null stays null. */
    static Money money(ResultSet row, String amountColumn, String currencyColumn) throws SQLException {
        BigDecimal amount = row.getBigDecimal(amountColumn);
        return amount == null ? null : new Money(amount, Currency.getInstance(row.getString(currencyColumn)));
    }

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** The actor stored in the columns {@code actor_id}, {@code actor_role} and {@code actor_organisation}. */
    static Actor actor(ResultSet row) throws SQLException {
        return new Actor(row.getString("actor_id"), Role.valueOf(row.getString("actor_role")), row.getString("actor_organisation"));
    }
}
