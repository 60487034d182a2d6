package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
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

    int update(String sql, Object... parameters) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcException("read model update failed: " + sql, e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
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

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
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
