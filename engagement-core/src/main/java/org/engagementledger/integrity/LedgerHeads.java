package org.engagementledger.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every engagement's head, read in one SQL statement (so in one consistent snapshot of the table):
 * for each aggregate, the row with its highest sequence number. Each head row is re-hashed from its
 * stored columns; a head that does not verify stops digest issuing, so that a digest never vouches
 * for a tampered event.
 */
final class LedgerHeads {

    private static final String SQL = "SELECT " + prefixed("e") + " FROM " + EventRows.TABLE + " e"
            + " JOIN (SELECT aggregateIdentifier, MAX(sequenceNumber) AS headSequence FROM " + EventRows.TABLE
            + " GROUP BY aggregateIdentifier) h"
            + " ON e.aggregateIdentifier = h.aggregateIdentifier AND e.sequenceNumber = h.headSequence";

    private LedgerHeads() {
    }

    /** The heads, in the Merkle tree's order. */
    static List<Head> read(Connection connection) throws SQLException {
        List<Head> heads = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SQL); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                StoredEvent head = EventRows.read(rows);
                EventHasher.Inspection inspection = EventHasher.inspect(head);
                if (inspection.problem() != null) {
                    problems.add(head.aggregateIdentifier() + " #" + head.sequenceNumber() + ": " + inspection.problem());
                } else if (!inspection.recomputedHash().equals(inspection.links().hash())) {
                    problems.add(head.aggregateIdentifier() + " #" + head.sequenceNumber() + ": the stored event does not hash to its chain hash");
                } else {
                    heads.add(new Head(head.aggregateIdentifier(), head.sequenceNumber(), inspection.recomputedHash()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IntegrityException("refusing to sign a digest over heads that do not verify (run verify): "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
        }
        heads.sort(Digest.TREE_ORDER);
        return heads;
    }

    private static String prefixed(String alias) {
        return alias + "." + EventRows.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
