package org.engagementledger.integrity;

import javax.sql.DataSource;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ledger_digest} table (migration {@code V3__integrity.sql}): every issued digest in order,
 * with the public key that verifies it. The table is a convenience for exporting; the evidence is the
 * digest files handed to auditors, since the database operator could rewrite this table too.
 */
final class DigestStore {

    static final String TABLE = "ledger_digest";

    /** A digest as stored: its position in the digest chain and the key it was signed with. */
    record StoredDigest(long sequence, Digest digest, PublicKey publicKey) {
    }

    private DigestStore() {
    }

    static Optional<StoredDigest> latest(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT digest_sequence, public_key, document FROM "
                + TABLE + " WHERE digest_sequence = (SELECT MAX(digest_sequence) FROM " + TABLE + ")");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
        }
    }

    static List<StoredDigest> all(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT digest_sequence, public_key, document FROM "
                     + TABLE + " ORDER BY digest_sequence");
             ResultSet rows = statement.executeQuery()) {
            List<StoredDigest> digests = new ArrayList<>();
            while (rows.next()) {
                digests.add(read(rows));
            }
            return digests;
        } catch (SQLException e) {
            throw new IntegrityException("cannot read the digests: " + e.getMessage(), e);
        }
    }

    static void insert(Connection connection, long sequence, Digest digest, PublicKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TABLE
                + " (digest_sequence, digest_hash, previous_digest_hash, issued_at, key_id, public_key, tree_size, root_hash, document)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, sequence);
            statement.setString(2, digest.linkHash());
            statement.setString(3, digest.previousDigestHash());
            statement.setString(4, digest.issuedAt());
            statement.setString(5, digest.keyId());
            statement.setString(6, KeyFiles.toBase64(key));
            statement.setLong(7, digest.size());
            statement.setString(8, digest.root());
            statement.setString(9, digest.canonicalJson());
            statement.executeUpdate();
        }
    }

    private static StoredDigest read(ResultSet row) throws SQLException {
        return new StoredDigest(row.getLong("digest_sequence"), Digest.fromJson(row.getString("document")),
                KeyFiles.publicKeyFromBase64(row.getString("public_key")));
    }
}
