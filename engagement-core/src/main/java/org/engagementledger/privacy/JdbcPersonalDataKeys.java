package org.engagementledger.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keys in the ledger's database, in {@value #KEY_TABLE} (one row per live key: random key id, subject,
 * 32 bytes of key material, creation time) and {@value #USE_TABLE} (which subject's key was used in which
 * engagement), created by the ledger's migrations on PostgreSQL and H2. Events never hold key material.
 *
 * <p><b>Connections.</b> A key is looked up in the caller's transaction ({@code transactional}). Only when the
 * subject has none is one created, and its use in an engagement remembered, on a connection of its own that
 * commits at once, so that two writers creating the first key of one subject never fail each other's
 * transaction (the loser of the race reads the winner's key), and an erasure can always find a use even if
 * the write that used the key later rolled back. (The pool therefore needs one connection more than the
 * writers hold while such a first write runs.) {@link #destroy} uses the caller's transaction, so an erasure
 * destroys keys atomically with recording it.
 * Uses are never deleted: they hold a pseudonym and an engagement id, which the events hold too, and
 * keeping them means no writer ever waits for an erasure's locks.
 *
 * <p><b>Caches.</b> Keys for reading are cached for {@code cacheTtl} (zero: no cache), so that a replay does
 * not query once per value. An erasure committed through this instance is honoured at once: its keys are
 * dropped and refused from then on. Another process on the same database may serve a destroyed key from its
 * own cache for at most {@code cacheTtl} after the erasure commits. Keys for writing are never cached, so no
 * process encrypts new data with a key whose destruction has committed.
 */
public final class JdbcPersonalDataKeys implements PersonalDataKeys {

    public static final String KEY_TABLE = "ledger_personal_data_key";
    public static final String USE_TABLE = "ledger_personal_data_use";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ConnectionProvider transactional;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Cache<UUID, SecretKey> readKeys;
    private final Cache<Use, Boolean> recordedUses;
    private final Cache<UUID, Boolean> destroyed;

    /**
     * @param dataSource    where keys are created and uses remembered, each in a transaction of its own
     * @param transactional the connection of the caller's transaction (the ledger's {@code JdbcTransactionManager},
     *                      or Spring's), for reads and destruction
     * @param cacheTtl      how long a key may be served from memory; zero for no cache
     */
    public JdbcPersonalDataKeys(DataSource dataSource, ConnectionProvider transactional, PersonalDataCipher cipher,
                                Duration cacheTtl, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactional = Objects.requireNonNull(transactional, "transactional");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (cacheTtl == null || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must be zero (no cache) or positive, was " + cacheTtl);
        }
        this.readKeys = cache(cacheTtl);
        this.recordedUses = cache(cacheTtl);
        // remembered past any cache entry that could still hold the key, in this process
        this.destroyed = Caffeine.newBuilder().expireAfterWrite(cacheTtl.plus(Duration.ofMinutes(10))).maximumSize(100_000).build();
    }

    private static <K, V> Cache<K, V> cache(Duration ttl) {
        // a zero ttl expires every entry as it is written: nothing is ever served from memory
        return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    @Override
    public SubjectKey keyForWriting(DataSubjectId subject, EngagementId engagement) {
        Objects.requireNonNull(subject, "subject");
        SubjectKey key = inTransaction("read the key of data subject " + subject, connection -> select(connection, subject))
                .orElseGet(() -> create(subject));
        if (engagement != null) {
            Use use = new Use(key.keyId(), engagement);
            if (recordedUses.getIfPresent(use) == null) {
                remember(subject, engagement);
                recordedUses.put(use, Boolean.TRUE);
            }
        }
        return key;
    }

    @Override
    public Optional<SecretKey> keyForReading(UUID keyId) {
        if (destroyed.getIfPresent(keyId) != null) {
            return Optional.empty();
        }
        SecretKey cached = readKeys.getIfPresent(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SecretKey> key = inTransaction("read key " + keyId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT key_material FROM " + KEY_TABLE + " WHERE key_id = ?")) {
                select.setString(1, keyId.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(PersonalDataCipher.key(row.getBytes(1))) : Optional.<SecretKey>empty();
                }
            }
        });
        key.ifPresent(k -> readKeys.put(keyId, k));
        return key;
    }

    @Override
    public List<EngagementId> engagementsOf(DataSubjectId subject) {
        return inTransaction("find the engagements of a data subject", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT engagement_id FROM " + USE_TABLE
                    + " WHERE subject_id = ? ORDER BY engagement_id")) {
                select.setString(1, subject.value());
                List<EngagementId> engagements = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        engagements.add(EngagementId.of(rows.getString(1)));
                    }
                }
                return engagements;
            }
        });
    }

    @Override
    public List<UUID> destroy(DataSubjectId subject) {
        return inTransaction("destroy the keys of a data subject", connection -> {
            List<UUID> keyIds = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT key_id FROM " + KEY_TABLE + " WHERE subject_id = ?")) {
                select.setString(1, subject.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keyIds.add(UUID.fromString(rows.getString(1)));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + KEY_TABLE + " WHERE subject_id = ?")) {
                delete.setString(1, subject.value());
                delete.executeUpdate();
            }
            return keyIds;
        });
    }

    @Override
    public void erasureCommitted(DataSubjectId subject, List<UUID> destroyedKeys) {
        destroyedKeys.forEach(id -> destroyed.put(id, Boolean.TRUE));
        readKeys.invalidateAll(destroyedKeys);
        recordedUses.asMap().keySet().removeIf(use -> destroyedKeys.contains(use.keyId()));
    }

    // ---- own transactions: creating keys, remembering uses ----------------------------------------------------

    private SubjectKey create(DataSubjectId subject) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Optional<SubjectKey> existing = select(connection, subject);
            if (existing.isPresent()) {
                return existing.get();
            }
            SubjectKey created = new SubjectKey(cipher.newKeyId(), subject, cipher.newKey());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + KEY_TABLE
                    + " (key_id, subject_id, key_material, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, created.keyId().toString());
                insert.setString(2, subject.value());
                insert.setBytes(3, created.key().getEncoded());
                insert.setString(4, clock.instant().toString());
                insert.executeUpdate();
                return created;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // another writer created the subject's first key at the same moment: use theirs
                    return select(connection, subject).orElseThrow(() -> e);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new PersonalDataKeysException("cannot create or read the key of data subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private static Optional<SubjectKey> select(Connection connection, DataSubjectId subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT key_id, key_material FROM " + KEY_TABLE + " WHERE subject_id = ?")) {
            select.setString(1, subject.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SubjectKey(UUID.fromString(row.getString(1)), subject, PersonalDataCipher.key(row.getBytes(2))));
            }
        }
    }

    private void remember(DataSubjectId subject, EngagementId engagement) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM " + USE_TABLE
                    + " WHERE subject_id = ? AND engagement_id = ?")) {
                exists.setString(1, subject.value());
                exists.setString(2, engagement.value());
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + USE_TABLE
                    + " (subject_id, engagement_id) VALUES (?, ?)")) {
                insert.setString(1, subject.value());
                insert.setString(2, engagement.value());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // remembered by a concurrent writer: that is all we wanted
            }
        } catch (SQLException e) {
            throw new PersonalDataKeysException("cannot remember that data subject " + subject + " appears in engagement "
                    + engagement + ": " + e.getMessage(), e);
        }
    }

    // ---- the caller's transaction ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = transactional.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersonalDataKeysException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private record Use(UUID keyId, EngagementId engagement) {
    }
}
