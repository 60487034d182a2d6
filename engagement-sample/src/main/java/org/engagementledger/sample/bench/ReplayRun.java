package org.engagementledger.sample.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagementledger.EngagementLedger;
import org.engagementledger.audit.StoreReplay;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.integrity.VerificationRequest;
import org.engagementledger.storage.LedgerJson;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The auditor's whole-store replay: every stored event read, its hash and link verified, its payload
 * deserialized and every engagement folded into its state ({@link StoreReplay}), against the baseline
 * of reading the same rows in the same order with plain JDBC and deserializing each payload with
 * Jackson. The store is written first ({@link HistoryWriter}); after one unmeasured warm-up pass of each
 * side the two alternate, ledger, baseline, baseline, ledger, and each rate is events over the summed
 * time of its two runs. The old
 * generation's peak during the ledger's runs shows whether memory grows with the store (run with a small {@code -Xmx}).
 */
final class ReplayRun {

    static final String REPLAY = "replay-verify-%d-events";
    static final double GOAL = 0.8;

    private final HistoryWriter.StoreShape shape;
    private final PrintWriter progress;

    ReplayRun(long events, int engagements, PrintWriter progress) {
        this.shape = new HistoryWriter.StoreShape(events, engagements);
        this.progress = progress;
    }

    StoreReport.Part run(BenchDatabase database) throws Exception {
        DataSource dataSource = database.dataSource();
        Map<String, String> context = new LinkedHashMap<>();
        progress.printf("%s: writing %s for the replay%n", database.store(), shape.describe());
        double written = HistoryWriter.writeStore(dataSource, "REPLAY", shape);
        context.put("replay store", String.format(Locale.ROOT, "%s, written in %.1f s", shape.describe(), written));

        try (EngagementLedger ledger = ledger(dataSource)) {
            // one unmeasured pass of each side first, so that neither is timed while the JIT compiles its code
            replay(ledger);
            readWithJdbc(dataSource);
            long peak = 0;
            double ledgerSeconds = 0;
            double baselineSeconds = 0;
            for (int round = 0; round < 2; round++) {
                if (round == 0) {
                    Timed replay = replay(ledger);
                    ledgerSeconds += replay.seconds();
                    peak = Math.max(peak, replay.peakHeap());
                    baselineSeconds += readWithJdbc(dataSource);
                } else {
                    baselineSeconds += readWithJdbc(dataSource);
                    Timed replay = replay(ledger);
                    ledgerSeconds += replay.seconds();
                    peak = Math.max(peak, replay.peakHeap());
                }
            }
            double ledgerRate = 2 * shape.events() / ledgerSeconds;
            double baselineRate = 2 * shape.events() / baselineSeconds;
            progress.printf(Locale.ROOT, "%s: replay %.0f events/s, JDBC + Jackson %.0f events/s%n", database.store(), ledgerRate, baselineRate);
            context.put("replay heap", String.format(Locale.ROOT, "old generation peak %d MB during the ledger's replays (max heap %d MB)",
                    peak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
            String name = String.format(Locale.ROOT, REPLAY, shape.events());
            Measure measure = new Measure(name, ledgerRate, baselineRate, "events/s");
            return new StoreReport.Part(context, List.of(measure),
                    List.of(new Goal(name + " ratio", "replay and verify at least 0.8x a plain JDBC read with Jackson", GOAL, measure.ratio())));
        }
    }

    private record Timed(double seconds, long peakHeap) {
    }

    private Timed replay(EngagementLedger ledger) {
        System.gc();
        // what survives collections lands in the old generation: its peak shows whether the replay retains data
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured")).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] folded = {0};
        long started = System.nanoTime();
        StoreReplay.Result result = ledger.replayStore(VerificationRequest.all(), state -> folded[0]++);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).max().orElse(-1);
        if (!result.verification().intact() || result.events() != shape.events() || folded[0] != shape.engagements()) {
            throw new IllegalStateException("the replay did not see the store it was given: " + result.events() + " events, " + folded[0]
                    + " engagements, findings " + result.verification().findings());
        }
        return new Timed(seconds, peak);
    }

    /** The same rows, same order and fetch size, each payload deserialized by Jackson: the physical work of a replay. */
    private double readWithJdbc(DataSource dataSource) throws Exception {
        System.gc();
        ObjectMapper mapper = LedgerJson.newObjectMapper();
        Map<String, Class<?>> types = new HashMap<>();
        long read = 0;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement select = connection.prepareStatement("SELECT globalIndex, aggregateIdentifier, sequenceNumber, type,"
                    + " eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry"
                    + " ORDER BY aggregateIdentifier, sequenceNumber", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(VerificationRequest.DEFAULT_FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Class<?> type = types.computeIfAbsent(rows.getString("payloadType"), ReplayRun::load);
                        mapper.readValue(rows.getBytes("payload"), type);
                        read++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (read != shape.events()) {
            throw new IllegalStateException("the baseline read " + read + " rows, expected " + shape.events());
        }
        return seconds;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unknown payload type " + name, e);
        }
    }

    private static EngagementLedger ledger(DataSource dataSource) {
        return EngagementLedger.builder().dataSource(dataSource).settings(LedgerSettings.DEFAULTS).readModels(false).build();
    }
}
