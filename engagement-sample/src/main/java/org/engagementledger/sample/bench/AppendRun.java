package org.engagementledger.sample.bench;

import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.config.LedgerSettings;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One append run on one database.
 *
 * <ol>
 *   <li>The ledger commissions and activates M engagements, then warms up with W commands.</li>
 *   <li>The baseline table is created next to {@code DomainEventEntry}; its rows get the payload and
 *       metadata size of the ledger's average stored {@code TimeLogged} event. It warms up with W rows.</li>
 *   <li>N ledger commands and N baseline rows are measured in interleaved slices (ledger, baseline;
 *       baseline, ledger; ...), so that both sides see the same machine and database conditions.</li>
 *   <li>With read models running, their backlog is drained after the warm-up and after every ledger
 *       slice, untimed, so that it does not slow the baseline's slice down.</li>
 *   <li>Then C clients append at once, each on its own engagements, ledger and baseline alternating
 *       (see {@link ConcurrentAppends}); the rate is appends over wall time.</li>
 * </ol>
 * Rates count service time only (see {@link AppendTimeline}). {@code append-1-client-cpu} is the client
 * thread's CPU time, which includes the JDBC driver and, on H2, the database engine itself; the
 * {@code -jvm-cpu} measures count every thread of this JVM (event processors, JIT and GC too) and the
 * {@code -database-cpu} measures the PostgreSQL server's processes, when it runs on this machine
 * ({@link CpuMeter}). The ledger's figures include the draining of its read-model backlog.
 */
final class AppendRun {

    static final String RATE = "append-1-client";
    static final String FIRST = "append-1-client-first-10pct";
    static final String LAST = "append-1-client-last-10pct";
    static final String FLATNESS = "append-1-client-last/first";
    static final String P50 = "append-1-client-latency-p50";
    static final String P99 = "append-1-client-latency-p99";
    static final String CPU = "append-1-client-cpu";
    /** Suffixes of the CPU measures of every thread in the JVM and of the database server, per append. */
    static final String JVM_CPU = "-jvm-cpu";
    static final String DATABASE_CPU = "-database-cpu";
    static final String EVENT_SIZE = "stored-event-size";
    /** Prefix of the concurrent measure's name; the client count follows, e.g. {@code append-16-clients}. */
    static final String CONCURRENT = "append-%d-clients";

    static final double RATIO_GOAL = 0.95;
    static final double FLATNESS_GOAL = 0.9;
    static final double CONCURRENT_GOAL = 0.8;
    private static final double TENTH = 0.1;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final AppendSettings settings;
    private final PrintWriter progress;

    AppendRun(AppendSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    StoreReport run(BenchDatabase database) throws Exception {
        long started = System.nanoTime();
        DataSource dataSource = database.dataSource();
        String store = database.store();
        int w = settings.warmup();
        Map<String, String> context = new LinkedHashMap<>();
        context.put("database", database.productVersion());
        String loadAtStart = loadAverage();
        context.put("ledger settings", ledgerSettings(database.poolSize()));

        progress.printf("%s: commissioning and activating %d engagements%n", store, settings.engagements());
        long singleClientIndices = (long) w + settings.commands();
        try (LedgerAppends ledger = new LedgerAppends(dataSource, settings.ledger(), settings.engagements(),
                singleClientIndices + (long) settings.engagements() * concurrentRounds())) {
            boolean readModels = settings.readModels() == AppendSettings.ReadModels.RUNNING;
            if (!readModels) {
                ledger.stopEventProcessors();
            }
            List<String> processors = ledger.eventProcessors();
            context.put("event processors", processors.isEmpty() ? "none in the ledger" : String.join(", ", processors));

            progress.printf("%s: warm-up, %d ledger commands%n", store, w);
            warmUp(ledger, w);
            Duration drained = ledger.awaitEventProcessors(DRAIN_TIMEOUT);
            JdbcAppends baseline = baselineLike(dataSource);
            List<String> shape = JdbcAppends.shapeDifferences(dataSource);
            context.put("baseline table", shape.isEmpty() ? JdbcAppends.TABLE + ", same shape as DomainEventEntry"
                    : JdbcAppends.TABLE + " DIFFERS from DomainEventEntry: " + shape);
            progress.printf("%s: warm-up, %d baseline rows%n", store, w);
            warmUp(baseline, w);

            AppendTimeline ledgerTimes = new AppendTimeline(settings.commands());
            AppendTimeline baselineTimes = new AppendTimeline(settings.commands());
            CpuMeter meter = CpuMeter.forStore(store, database.url());
            context.put("cpu per append", "-cpu: the client thread; -jvm-cpu: every thread of this JVM (read models, JIT, GC"
                    + (meter.measuresDatabase() ? "); -database-cpu: every process of the PostgreSQL server on this machine"
                    : "; on H2 the database engine too)") + "; the ledger's include draining its read-model backlog");
            Costs singleClient = new Costs(meter);
            drained = drained.plus(measureInterleaved(store, ledger, ledgerTimes, baseline, baselineTimes, singleClient));

            List<Measure> concurrent = List.of();
            if (settings.clients() > 0) {
                ConcurrentResult result = measureConcurrent(store, ledger, baseline, singleClientIndices, meter);
                concurrent = result.measures();
                drained = drained.plus(result.drained());
            }
            if (readModels && !processors.isEmpty()) {
                context.put("read-model backlog", String.format(Locale.ROOT, "%.2f s spent, untimed, waiting for the event processors"
                        + " to catch up after the warm-up and each ledger slice", drained.toNanos() / 1e9));
            }

            StoredSize ledgerSize = StoredSize.of(dataSource, "DomainEventEntry", LedgerAppends.EVENT_TYPE);
            StoredSize baselineSize = StoredSize.of(dataSource, JdbcAppends.TABLE, LedgerAppends.EVENT_TYPE);
            context.put("stored event", String.format(Locale.ROOT, "payload %.0f B + metadata %.0f B (ledger, %d TimeLogged events);"
                            + " baseline rows %.0f B + %.0f B", ledgerSize.payloadBytes(), ledgerSize.metaDataBytes(), ledgerSize.rows(),
                    baselineSize.payloadBytes(), baselineSize.metaDataBytes()));
            context.put("snapshots", snapshots(dataSource));
            context.put("load average", loadAtStart + " at start, " + loadAverage() + " at end (1 min; "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            context.put("elapsed", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
            List<Measure> measures = new ArrayList<>(measures(ledgerTimes, baselineTimes, ledgerSize, baselineSize));
            measures.addAll(singleClient.measures(RATE, settings.commands()));
            measures.addAll(concurrent);
            return new StoreReport(store, database.url(), context, measures, goals(measures));
        }
    }

    private record ConcurrentResult(List<Measure> measures, Duration drained) {
    }

    /**
     * CPU spent per side, read around each side's appends. The ledger's includes its read models'
     * backlog drained after its appends: that work is caused by its commands, even where it is untimed.
     */
    private static final class Costs {
        private final CpuMeter meter;
        private CpuMeter.Reading ledger = CpuMeter.ZERO;
        private CpuMeter.Reading baseline = CpuMeter.ZERO;
        private CpuMeter.Reading started;

        Costs(CpuMeter meter) {
            this.meter = meter;
        }

        void start() {
            started = meter.read();
        }

        void stopLedger() {
            ledger = ledger.plus(meter.read().since(started));
        }

        void stopBaseline() {
            baseline = baseline.plus(meter.read().since(started));
        }

        /** {@code <name>-jvm-cpu} and, where the server's CPU is read, {@code <name>-database-cpu}, in microseconds per append. */
        List<Measure> measures(String name, long appends) {
            List<Measure> measures = new ArrayList<>();
            if (ledger.jvm() >= 0 && baseline.jvm() >= 0) {
                measures.add(new Measure(name + JVM_CPU, ledger.jvm() / 1e3 / appends, baseline.jvm() / 1e3 / appends, "us/op"));
            }
            if (meter.measuresDatabase() && ledger.database() >= 0 && baseline.database() >= 0) {
                measures.add(new Measure(name + DATABASE_CPU, ledger.database() / 1e3 / appends, baseline.database() / 1e3 / appends, "us/op"));
            }
            return measures;
        }
    }

    /** Rounds of M indices the concurrent phase uses: its warm-up and two halves per side. */
    private long concurrentRounds() {
        if (settings.clients() == 0) {
            return 0;
        }
        int clients = settings.clients();
        int engagements = settings.engagements();
        return ConcurrentAppends.rounds(concurrentWarmup(), clients, engagements)
                + 2 * ConcurrentAppends.rounds((settings.concurrentCommands() + 1) / 2, clients, engagements) + 1;
    }

    /**
     * As many appends as the single client's warm-up: code that only concurrent clients reach (lock
     * contention, the pool under load) is still being compiled after a few thousand, and the JIT
     * compiler's CPU would otherwise be counted against the ledger.
     */
    private long concurrentWarmup() {
        return settings.warmup();
    }

    /**
     * C clients append at once, each on its own engagements: a short warm-up per side, then half of the
     * appends per side, ledger first, then the other half, baseline first (ABBA). Both sides use the
     * same indices, hence the same engagements and row keys. Read models drain, untimed, after each
     * ledger phase.
     */
    private ConcurrentResult measureConcurrent(String store, LedgerAppends ledger, JdbcAppends baseline, long usedIndices,
                                               CpuMeter meter) throws Exception {
        int clients = settings.clients();
        long half = settings.concurrentCommands() / 2;
        Costs costs = new Costs(meter);
        try (ConcurrentAppends concurrent = new ConcurrentAppends(clients, settings.engagements())) {
            long round = concurrent.firstFreeRound(usedIndices);
            progress.printf("%s: %d concurrent clients, warm-up%n", store, clients);
            concurrent.run(ledger, concurrentWarmup(), round);
            Duration drained = ledger.awaitEventProcessors(DRAIN_TIMEOUT);
            concurrent.run(baseline, concurrentWarmup(), round);
            round += concurrent.rounds(concurrentWarmup());

            costs.start();
            Duration ledgerTime = concurrent.run(ledger, half, round);
            Duration drain = ledger.awaitEventProcessors(DRAIN_TIMEOUT);
            costs.stopLedger();
            drained = drained.plus(drain);
            costs.start();
            Duration baselineTime = concurrent.run(baseline, half, round);
            round += concurrent.rounds(half);
            baselineTime = baselineTime.plus(concurrent.run(baseline, half, round));
            costs.stopBaseline();
            costs.start();
            ledgerTime = ledgerTime.plus(concurrent.run(ledger, half, round));
            drain = ledger.awaitEventProcessors(DRAIN_TIMEOUT);
            costs.stopLedger();
            drained = drained.plus(drain);

            double ledgerRate = 2 * half / (ledgerTime.toNanos() / 1e9);
            double baselineRate = 2 * half / (baselineTime.toNanos() / 1e9);
            progress.printf(Locale.ROOT, "%s: %d clients, ledger %.0f ops/s, baseline %.0f ops/s%n", store, clients, ledgerRate, baselineRate);
            String name = String.format(Locale.ROOT, CONCURRENT, clients);
            List<Measure> measures = new ArrayList<>();
            measures.add(new Measure(name, ledgerRate, baselineRate, "ops/s"));
            measures.addAll(costs.measures(name, 2 * half));
            return new ConcurrentResult(measures, drained);
        }
    }

    /** Runs the measured appends in slices, alternating which side goes first; returns the time spent draining read models. */
    private Duration measureInterleaved(String store, LedgerAppends ledger, AppendTimeline ledgerTimes,
                                        JdbcAppends baseline, AppendTimeline baselineTimes, Costs costs) throws Exception {
        int n = settings.commands();
        long offset = settings.warmup();
        Duration drained = Duration.ZERO;
        System.gc();
        for (int s = 0; s < settings.slices(); s++) {
            long from = offset + (long) n * s / settings.slices();
            long to = offset + (long) n * (s + 1) / settings.slices();
            int ledgerFrom = ledgerTimes.count();
            int baselineFrom = baselineTimes.count();
            if (s % 2 == 0) {
                drained = drained.plus(ledgerSlice(ledger, ledgerTimes, from, to, costs));
                baselineSlice(baseline, baselineTimes, from, to, costs);
            } else {
                baselineSlice(baseline, baselineTimes, from, to, costs);
                drained = drained.plus(ledgerSlice(ledger, ledgerTimes, from, to, costs));
            }
            progress.printf(Locale.ROOT, "%s: slice %d/%d, ledger %.0f ops/s, baseline %.0f ops/s%n", store, s + 1, settings.slices(),
                    ledgerTimes.rateBetween(ledgerFrom, ledgerTimes.count()), baselineTimes.rateBetween(baselineFrom, baselineTimes.count()));
        }
        return drained;
    }

    /** A ledger slice and the drain of its read-model backlog; returns how long the drain took. */
    private static Duration ledgerSlice(LedgerAppends ledger, AppendTimeline times, long from, long to, Costs costs) throws Exception {
        costs.start();
        slice(ledger, times, from, to);
        Duration drained = ledger.awaitEventProcessors(DRAIN_TIMEOUT);
        costs.stopLedger();
        return drained;
    }

    private static void baselineSlice(JdbcAppends baseline, AppendTimeline times, long from, long to, Costs costs) throws Exception {
        costs.start();
        slice(baseline, times, from, to);
        costs.stopBaseline();
    }

    /** The baseline, with rows as large as the ledger's average stored time entry so far. */
    private JdbcAppends baselineLike(DataSource dataSource) throws SQLException {
        StoredSize size = StoredSize.of(dataSource, "DomainEventEntry", LedgerAppends.EVENT_TYPE);
        byte[][] sample = lastStoredEvent(dataSource);
        return new JdbcAppends(dataSource, engagementIds(settings.engagements()), LedgerAppends.EVENT_TYPE,
                JdbcAppends.resized(sample[0], (int) Math.round(size.payloadBytes())),
                JdbcAppends.resized(sample[1], (int) Math.round(size.metaDataBytes())));
    }

    private static List<Measure> measures(AppendTimeline ledger, AppendTimeline baseline, StoredSize ledgerSize, StoredSize baselineSize) {
        return List.of(
                new Measure(RATE, ledger.rate(), baseline.rate(), "ops/s"),
                new Measure(FIRST, ledger.rateOfFirst(TENTH), baseline.rateOfFirst(TENTH), "ops/s"),
                new Measure(LAST, ledger.rateOfLast(TENTH), baseline.rateOfLast(TENTH), "ops/s"),
                new Measure(FLATNESS, ledger.rateOfLast(TENTH) / ledger.rateOfFirst(TENTH),
                        baseline.rateOfLast(TENTH) / baseline.rateOfFirst(TENTH), "x"),
                new Measure(P50, ledger.latencyMillis(0.5), baseline.latencyMillis(0.5), "ms"),
                new Measure(P99, ledger.latencyMillis(0.99), baseline.latencyMillis(0.99), "ms"),
                new Measure(CPU, ledger.cpuMicrosPerAppend(), baseline.cpuMicrosPerAppend(), "us/op"),
                new Measure(EVENT_SIZE, ledgerSize.totalBytes(), baselineSize.totalBytes(), "bytes"));
    }

    private List<Goal> goals(List<Measure> measures) {
        Measure rate = measures.stream().filter(m -> m.name().equals(RATE)).findFirst().orElseThrow();
        Measure flatness = measures.stream().filter(m -> m.name().equals(FLATNESS)).findFirst().orElseThrow();
        List<Goal> goals = new ArrayList<>(List.of(
                new Goal(RATE + " ratio", "ledger rate at least 0.95x plain JDBC", RATIO_GOAL, rate.ratio()),
                new Goal("ledger " + FLATNESS, "ledger's last 10 % at least 0.9x its first 10 %", FLATNESS_GOAL, flatness.ledger())));
        String concurrent = String.format(Locale.ROOT, CONCURRENT, settings.clients());
        measures.stream().filter(m -> m.name().equals(concurrent)).findFirst().ifPresent(m -> goals.add(
                new Goal(concurrent + " ratio", "ledger rate at least 0.8x plain JDBC with as many threads", CONCURRENT_GOAL, m.ratio())));
        return goals;
    }

    private String ledgerSettings(int poolSize) {
        LedgerSettings ledger = settings.ledger();
        String cache = ledger.cacheSize() < settings.engagements() ? " (SMALLER than M: engagements are evicted and reloaded)" : "";
        return "snapshot every " + ledger.snapshotThreshold() + " events, aggregate cache " + ledger.cacheSize() + cache
                + ", read-model fetch delay " + ledger.readModelFetchDelay().toMillis() + " ms, " + ledger.readModelSegments()
                + " read-model segment(s), pool " + poolSize + " connections";
    }

    private static void warmUp(AppendTarget target, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            target.append(i);
        }
    }

    /** Appends {@code from..to-1}, timing each call, into {@code times}. */
    private static void slice(AppendTarget target, AppendTimeline times, long from, long to) throws Exception {
        long cpuBefore = threadCpuNanos();
        long previous = System.nanoTime();
        for (long i = from; i < to; i++) {
            long start = System.nanoTime();
            target.append(i);
            long end = System.nanoTime();
            times.record(end - previous, end - start);
            previous = end;
        }
        long cpuAfter = threadCpuNanos();
        times.addCpu(cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** The 1-minute load average at the start and end: other work on the machine skews absolute rates. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    static String[] engagementIds(int engagements) {
        String[] ids = new String[engagements];
        for (int e = 0; e < engagements; e++) {
            ids[e] = LedgerAppends.engagementId(e).value();
        }
        return ids;
    }

    /** Payload and metadata of the most recent stored {@link TimeLogged} event. */
    private static byte[][] lastStoredEvent(DataSource dataSource) throws SQLException {
        String sql = "SELECT payload, metaData FROM DomainEventEntry WHERE payloadType = ? ORDER BY globalIndex DESC FETCH FIRST 1 ROWS ONLY";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TimeLogged.class.getName());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the warm-up stored no TimeLogged event");
                }
                return new byte[][]{rows.getBytes(1), rows.getBytes(2)};
            }
        }
    }

    /** The store keeps only the latest snapshot per engagement: how many engagements have one, and at which sequence numbers. */
    private static String snapshots(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), MIN(sequenceNumber), MAX(sequenceNumber) FROM SnapshotEventEntry")) {
            rows.next();
            return rows.getLong(1) == 0 ? "none taken" : String.format(Locale.ROOT, "%d engagements have one (latest kept only),"
                    + " at sequence %d..%d", rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
    }
}
