package org.engagementledger.privacy;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.engagementledger.api.EngagementId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Deletes the stored snapshots of engagements, so that no copy of an engagement's state derived before
 * an erasure survives it (the next load rebuilds from the events, which now read the replacement value,
 * and a new snapshot follows in time). Runs in the erasure's transaction.
 */
@FunctionalInterface
public interface SnapshotPurge {

    /** For stores whose snapshots are not kept apart (in memory): nothing to delete. */
    SnapshotPurge NONE = engagements -> {
    };

    void purge(Collection<EngagementId> engagements);

    /** Deletes from Axon's {@code SnapshotEventEntry} table, through the caller's transaction. */
    static SnapshotPurge jdbc(ConnectionProvider transactional) {
        return engagements -> {
            if (engagements.isEmpty()) {
                return;
            }
            try (Connection connection = transactional.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
                for (EngagementId engagement : engagements) {
                    delete.setString(1, engagement.value());
                    delete.executeUpdate();
                }
            } catch (SQLException e) {
                throw new PersonalDataKeysException("cannot delete the snapshots of " + engagements + ": " + e.getMessage(), e);
            }
        };
    }
}
