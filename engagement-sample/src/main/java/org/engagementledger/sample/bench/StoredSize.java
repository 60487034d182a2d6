package org.engagementledger.sample.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Average stored size of the rows of one payload type in a table shaped like {@code DomainEventEntry}:
 * payload and metadata bytes as the database holds them.
 */
record StoredSize(long rows, double payloadBytes, double metaDataBytes) {

    double totalBytes() {
        return payloadBytes + metaDataBytes;
    }

    static StoredSize of(DataSource dataSource, String table, String payloadType) {
        String sql = "SELECT COUNT(*), SUM(OCTET_LENGTH(payload)), SUM(OCTET_LENGTH(metaData)) FROM " + table
                + " WHERE payloadType = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, payloadType);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long count = rows.getLong(1);
                if (count == 0) {
                    return new StoredSize(0, 0, 0);
                }
                return new StoredSize(count, (double) rows.getLong(2) / count, (double) rows.getLong(3) / count);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not measure stored sizes in " + table, e);
        }
    }
}
