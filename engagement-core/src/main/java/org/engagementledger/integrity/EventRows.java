package org.engagementledger.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Raw reads of Axon's {@code DomainEventEntry} table, shared by the verifier, the bundle export and the heads. */
final class EventRows {

    static final String TABLE = "DomainEventEntry";
    static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, "
            + "payloadType, payloadRevision, payload, metaData";

    private EventRows() {
    }

    static StoredEvent read(ResultSet row) throws SQLException {
        // by position, in the order of COLUMNS (looking columns up by name costs more than reading them)
        long globalIndex = row.getLong(1);
        Long index = row.wasNull() ? null : globalIndex;
        return new StoredEvent(index, row.getString(2), row.getLong(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }

    /**
     * Prepares a connection for a long, consistent, read-only scan: a read-only repeatable-read
     * transaction (PostgreSQL streams with a cursor only when auto-commit is off). {@link #release}
     * undoes it.
     */
    static Settings readOnly(Connection connection) throws SQLException {
        Settings settings = new Settings(connection.getAutoCommit(), connection.isReadOnly(), connection.getTransactionIsolation());
        if (!settings.autoCommit) {
            connection.rollback();
        }
        connection.setAutoCommit(true);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        return settings;
    }

    static void release(Connection connection, Settings settings) {
        try {
            connection.rollback();
            connection.setAutoCommit(settings.autoCommit);
            connection.setReadOnly(settings.readOnly);
            connection.setTransactionIsolation(settings.isolation);
        } catch (SQLException ignored) {
            // the connection goes back to its pool, which resets or discards it
        }
    }

    record Settings(boolean autoCommit, boolean readOnly, int isolation) {
    }

    static long count(Connection connection, String engagementId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + TABLE + (engagementId == null ? "" : " WHERE aggregateIdentifier = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (engagementId != null) {
                statement.setString(1, engagementId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Streams the rows (of one engagement, or all) ordered by engagement and sequence number. */
    static void scan(Connection connection, String engagementId, int fetchSize, Consumer<StoredEvent> consumer) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + (engagementId == null ? "" : " WHERE aggregateIdentifier = ?")
                + " ORDER BY aggregateIdentifier, sequenceNumber";
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            if (engagementId != null) {
                statement.setString(1, engagementId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            }
        }
    }
}
