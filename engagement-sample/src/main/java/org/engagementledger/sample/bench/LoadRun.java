package org.engagementledger.sample.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.storage.LedgerJson;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long loading one engagement takes once its history is long: for each size, an engagement with
 * that many events gets a snapshot, then it is loaded through the ledger's repository, as a command
 * would load it,
 * <ul>
 *   <li>from the snapshot, by a ledger without aggregate cache (the first command after a restart or
 *       an eviction), and</li>
 *   <li>from the aggregate cache, by a ledger that has loaded it once (every later command);</li>
 * </ul>
 * against the baseline of reading the same snapshot row (and the events after it) with plain JDBC and
 * deserializing them with Jackson. Each figure is the median of {@value #REPEATS} loads.
 */
final class LoadRun {

    static final String COLD = "load-%d-events-from-snapshot";
    static final String WARM = "load-%d-events-cached";
    static final double GOAL_MS = 5.0;
    static final int REPEATS = 25;

    private final List<Integer> sizes;
    private final PrintWriter progress;

    LoadRun(List<Integer> sizes, PrintWriter progress) {
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 3)) {
            throw new IllegalArgumentException("load sizes must be at least 3 events each, were " + sizes);
        }
        this.sizes = List.copyOf(sizes);
        this.progress = progress;
    }

    /** Measures every size on a database of its own; returns its context, measures and goals. */
    StoreReport.Part run(BenchDatabase database) throws Exception {
        DataSource dataSource = database.dataSource();
        Map<String, String> context = new LinkedHashMap<>();
        List<Measure> measures = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        for (int size : sizes) {
            EngagementId id = EngagementId.of(String.format(Locale.ROOT, "LOAD-%d", size));
            progress.printf("%s: writing an engagement of %,d events%n", database.store(), size);
            long started = System.nanoTime();
            try (EngagementLedger writer = ledger(dataSource, LedgerSettings.DEFAULTS)) {
                new HistoryWriter(writer).write(id, size);
            }
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            try (EngagementLedger snapshotter = ledger(dataSource, LedgerSettings.DEFAULTS)) {
                snapshotter.axonConfiguration().snapshotter().scheduleSnapshot(Engagement.class, id.value());
            }
            long snapshotAt = snapshotSequence(dataSource, id);
            context.put("engagement of " + size, String.format(Locale.ROOT, "written in %.1f s; snapshot at sequence %d", writeSeconds,
                    snapshotAt));

            double baseline = median(() -> readSnapshotWithJdbc(dataSource, id));
            double cold;
            try (EngagementLedger uncached = ledger(dataSource, LedgerSettings.DEFAULTS.withCacheSize(0))) {
                cold = median(() -> load(uncached.axonConfiguration(), id));
            }
            double warm;
            try (EngagementLedger cached = ledger(dataSource, LedgerSettings.DEFAULTS)) {
                load(cached.axonConfiguration(), id);
                warm = median(() -> load(cached.axonConfiguration(), id));
            }
            progress.printf(Locale.ROOT, "%s: %,d events: from snapshot %.2f ms, cached %.3f ms, JDBC + Jackson %.2f ms%n",
                    database.store(), size, cold, warm, baseline);
            String coldName = String.format(Locale.ROOT, COLD, size);
            String warmName = String.format(Locale.ROOT, WARM, size);
            measures.add(new Measure(coldName, cold, baseline, "ms"));
            measures.add(new Measure(warmName, warm, baseline, "ms"));
            goals.add(Goal.atMost(coldName, "loads from its snapshot in 5 ms or less", GOAL_MS, cold));
            goals.add(Goal.atMost(warmName, "loads from the cache in 5 ms or less", GOAL_MS, warm));
        }
        return new StoreReport.Part(context, measures, goals);
    }

    private static EngagementLedger ledger(DataSource dataSource, LedgerSettings settings) {
        return EngagementLedger.builder().dataSource(dataSource).settings(settings).readModels(false).build();
    }

    /** Loads the engagement in a unit of work, as a command handler would, and commits (nothing changes). */
    private static void load(Configuration axon, EngagementId id) {
        Repository<Engagement> repository = axon.repository(Engagement.class);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            repository.load(id.value());
            unitOfWork.commit();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    /** The physical work of a snapshot load: one row read with JDBC, one Jackson parse, then the events after it. */
    private static void readSnapshotWithJdbc(DataSource dataSource, EngagementId id) throws Exception {
        ObjectMapper mapper = Mappers.MAPPER;
        try (Connection connection = dataSource.getConnection()) {
            long sequence;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequenceNumber, payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no snapshot of " + id);
                    }
                    sequence = row.getLong(1);
                    mapper.readValue(row.getBytes(2), Engagement.class);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT payloadType, payload FROM DomainEventEntry"
                    + " WHERE aggregateIdentifier = ? AND sequenceNumber > ? ORDER BY sequenceNumber")) {
                select.setString(1, id.value());
                select.setLong(2, sequence);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        mapper.readValue(rows.getBytes(2), Class.forName(rows.getString(1)));
                    }
                }
            }
        }
    }

    private static long snapshotSequence(DataSource dataSource, EngagementId id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT sequenceNumber FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the snapshotter stored no snapshot of " + id);
                }
                return row.getLong(1);
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs the work {@value #REPEATS} times after as many unmeasured runs; the median in milliseconds. */
    private static double median(Work work) throws Exception {
        for (int i = 0; i < REPEATS; i++) {
            work.run();
        }
        double[] millis = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[REPEATS / 2];
    }

    /** The ledger's own JSON configuration, as its serializers use it. */
    private static final class Mappers {
        static final ObjectMapper MAPPER = LedgerJson.newObjectMapper();
    }
}
