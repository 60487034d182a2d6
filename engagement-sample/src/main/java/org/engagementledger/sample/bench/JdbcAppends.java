package org.engagementledger.sample.bench;

import org.engagementledger.storage.LedgerSchema;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plain-JDBC baseline: one row per append, each in its own transaction (pooled connection,
 * auto-commit off, one {@code INSERT}, commit), into {@value #TABLE}, a table created from the
 * ledger's own migration of {@code DomainEventEntry} (same columns, types, keys and unique
 * constraints) in the same database. Rows carry the values Axon would write for a
 * {@code TimeLogged} event: a random UUID, the engagement id, a per-engagement sequence number, an ISO
 * timestamp, and payload and metadata of the given byte sizes, cut from a real stored event.
 */
final class JdbcAppends implements AppendTarget {

    static final String TABLE = "baseline_event_entry";
    private static final String EVENT_TABLE = "DomainEventEntry";
    private static final String MIGRATION = "db/engagement-ledger/V1__event_store.sql";
    /** Column order as Axon's JdbcEventStorageEngine inserts them. */
    private static final String INSERT = "INSERT INTO " + TABLE + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final DataSource dataSource;
    private final String[] aggregates;
    private final String payloadType;
    private final byte[] payload;
    private final byte[] metaData;

    /**
     * Creates the baseline table.
     *
     * @param aggregates   aggregate identifiers to spread rows over, round-robin (as the ledger does)
     * @param payloadType  stored in every row, e.g. the ledger's event class name
     * @param payload      payload bytes to store in every row (a real event's, resized)
     * @param metaData     metadata bytes to store in every row
     */
    JdbcAppends(DataSource dataSource, String[] aggregates, String payloadType, byte[] payload, byte[] metaData) {
        this.dataSource = dataSource;
        this.aggregates = aggregates.clone();
        this.payloadType = payloadType;
        this.payload = payload.clone();
        this.metaData = metaData.clone();
        createTable(dataSource);
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public void append(long index) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregates[(int) (index % aggregates.length)]);
                insert.setLong(3, index / aggregates.length);
                insert.setString(4, "Engagement");
                insert.setString(5, TIMESTAMP.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                insert.setString(6, payloadType);
                insert.setString(7, "1");
                insert.setBytes(8, payload);
                insert.setBytes(9, metaData);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Differences between the shape of {@value #TABLE} and {@code DomainEventEntry} (columns with type,
     * size and nullability; indexed column lists), or an empty list when they match. A later migration
     * that changes the event table shows up here, and the baseline must then follow it.
     */
    static List<String> shapeDifferences(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> events = shape(connection, EVENT_TABLE);
            List<String> baseline = shape(connection, TABLE);
            List<String> differences = new ArrayList<>();
            events.stream().filter(line -> !baseline.contains(line)).forEach(line -> differences.add("only in " + EVENT_TABLE + ": " + line));
            baseline.stream().filter(line -> !events.contains(line)).forEach(line -> differences.add("only in " + TABLE + ": " + line));
            return differences;
        } catch (SQLException e) {
            throw new IllegalStateException("could not compare table shapes", e);
        }
    }

    /** A copy of {@code bytes}, repeated or cut to exactly {@code size} bytes. */
    static byte[] resized(byte[] bytes, int size) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("need a non-empty sample to resize");
        }
        byte[] result = new byte[size];
        for (int i = 0; i < size; i++) {
            result[i] = bytes[i % bytes.length];
        }
        return result;
    }

    private static void createTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(baselineDdl());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + TABLE, e);
        }
    }

    /** The ledger migration's {@code CREATE TABLE DomainEventEntry}, renamed (constraint names too). */
    static String baselineDdl() {
        String migration;
        try (InputStream in = LedgerSchema.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the class path");
            }
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + MIGRATION, e);
        }
        String withoutComments = migration.lines().map(line -> line.replaceAll("--.*$", "")).collect(Collectors.joining("\n"));
        for (String statement : withoutComments.split(";")) {
            String sql = statement.strip();
            if (sql.matches("(?is)CREATE\\s+TABLE\\s+" + EVENT_TABLE + "\\b.*")) {
                return sql.replaceFirst("(?i)" + EVENT_TABLE, TABLE)
                        .replaceAll("(?i)CONSTRAINT\\s+(\\w+)", "CONSTRAINT baseline_$1");
            }
        }
        throw new IllegalStateException(MIGRATION + " has no CREATE TABLE " + EVENT_TABLE);
    }

    private static List<String> shape(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
        String schema = connection.getSchema();
        List<String> lines = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), schema, name, null)) {
            while (columns.next()) {
                lines.add("column " + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + columns.getString("TYPE_NAME")
                        + "(" + columns.getInt("COLUMN_SIZE") + ") nullable=" + columns.getString("IS_NULLABLE")
                        + " autoincrement=" + columns.getString("IS_AUTOINCREMENT"));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("table " + name + " not found in schema " + schema);
        }
        Map<String, TreeSet<String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (ResultSet index = meta.getIndexInfo(connection.getCatalog(), schema, name, false, false)) {
            while (index.next()) {
                String indexName = index.getString("INDEX_NAME");
                String column = index.getString("COLUMN_NAME");
                if (indexName == null || column == null) {
                    continue;
                }
                indexes.computeIfAbsent(indexName, n -> new TreeSet<>()).add(column.toLowerCase(Locale.ROOT));
                unique.put(indexName, !index.getBoolean("NON_UNIQUE"));
            }
        }
        TreeSet<String> indexLines = new TreeSet<>();
        indexes.forEach((indexName, cols) -> indexLines.add((unique.get(indexName) ? "unique index " : "index ") + cols));
        lines.addAll(indexLines);
        return lines;
    }
}
