package org.engagementledger.storage;

import org.engagementledger.engagement.EngagementFixtures;
import org.engagementledger.integrity.EventHasher;
import org.engagementledger.integrity.StoredEvent;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.engagementledger.engagement.EngagementFixtures.BUYER;
import static org.engagementledger.engagement.EngagementFixtures.BUYER_OFFICIAL;
import static org.engagementledger.engagement.EngagementFixtures.ENGAGEMENT;

/**
 * Writes rows of the fixture engagement as the ledger stored them before an event's current revision
 * existed: an old payload, actor metadata and the hash-chain links computed over those stored bytes,
 * so that the chain stays intact across the upcast. Rows must be inserted in sequence order.
 */
final class LegacyRows {

    private final DataSource dataSource;
    private String previousHash = "0".repeat(64);

    LegacyRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Migrates the store and writes the fixture engagement's first two events as stored at revision 1
     * (commissioned, then activated): the start every legacy history in the upcaster tests shares.
     */
    static LegacyRows activeEngagement(DataSource dataSource) throws SQLException, IOException {
        LedgerSchema.migrate(dataSource);
        LegacyRows legacy = new LegacyRows(dataSource);
        legacy.insert(0, "org.engagementledger.api.engagement.EngagementCommissioned", "1", resource("/approved-events/EngagementCommissioned.json"),
                "2026-01-02T09:00:00Z");
        legacy.insert(1, "org.engagementledger.api.engagement.EngagementActivated", "1", resource("/approved-events/EngagementActivated.json"),
                "2026-01-15T09:00:00Z");
        return legacy;
    }

    void insert(long sequence, String type, String revision, String payload, String timestamp) throws SQLException {
        String actor = "\"actorId\":\"" + BUYER_OFFICIAL.id() + "\",\"actorRole\":\"AGENCY_BUYER\",\"actorOrganisation\":\"" + BUYER.id() + "\"";
        String eventId = UUID.randomUUID().toString();
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        StoredEvent unchained = new StoredEvent(null, ENGAGEMENT.value(), sequence, "Engagement", eventId, timestamp, type, revision,
                payloadBytes, ("{" + actor + "}").getBytes(StandardCharsets.UTF_8));
        String hash = EventHasher.hash(unchained, previousHash);
        String metaData = "{" + actor + ",\"" + EventHasher.CHAIN_VERSION + "\":\"" + EventHasher.FORMAT_VERSION + "\",\""
                + EventHasher.CHAIN_PREV + "\":\"" + previousHash + "\",\"" + EventHasher.CHAIN_HASH + "\":\"" + hash + "\"}";
        previousHash = hash;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, ENGAGEMENT.value());
            insert.setLong(3, sequence);
            insert.setString(4, "Engagement");
            insert.setString(5, timestamp);
            insert.setString(6, type);
            insert.setString(7, revision);
            insert.setBytes(8, payloadBytes);
            insert.setBytes(9, metaData.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    /** A test resource as text, e.g. {@code /upcasting/DecisionRecorded-rev1.json}. */
    static String resource(String path) throws IOException {
        try (InputStream in = EngagementFixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
