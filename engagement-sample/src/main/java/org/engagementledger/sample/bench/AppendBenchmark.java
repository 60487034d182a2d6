package org.engagementledger.sample.bench;

import org.engagementledger.config.LedgerSettings;
import org.engagementledger.sample.cli.LedgerCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Append benchmark: how fast the ledger stores commands compared with plain JDBC inserts of equally
 * sized rows, measured in the same run, on PostgreSQL and on an H2 file database.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; java -jar engagement-sample/target/engagement-sample.jar \
 *     bench [--store both] [--commands 20000] [--format json]
 * </pre>
 *
 * <p>Each store runs in a fresh database (a new PostgreSQL schema, dropped afterwards; a new H2 file
 * database in a temporary directory, deleted afterwards). One client thread; every ledger command and
 * every baseline row is its own transaction. See {@link AppendRun} for the procedure and
 * {@link BenchReport} for the output.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Appends N LogTime commands over M engagements through the ledger, and N equally sized rows with plain"
                + " JDBC, one transaction each, one client thread, in a fresh PostgreSQL schema and/or H2 file database;"
                + " prints both rates, their ratio, the rates of the first and last 10 %%, p50/p99 latency and CPU per append."})
public final class AppendBenchmark implements Callable<Integer> {

    /** Which databases to run on. */
    public enum Store { H2, POSTGRES, BOTH }

    @Option(names = "--commands", paramLabel = "N", defaultValue = "20000", description = "measured appends per side (default ${DEFAULT-VALUE})")
    int commands;

    @Option(names = "--engagements", paramLabel = "M", defaultValue = "200", description = "engagements, round-robin (default ${DEFAULT-VALUE})")
    int engagements;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "20000",
            description = "unmeasured appends per side first: JIT, pool, caches (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--slices", defaultValue = "50",
            description = "the measured appends run in this many slices, ledger and baseline alternating (default ${DEFAULT-VALUE})")
    int slices;

    @Option(names = "--clients", paramLabel = "C", defaultValue = "16",
            description = "concurrent clients for the second measure, each on its own engagements; 0 skips it (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--concurrent-commands", paramLabel = "NC", defaultValue = "-1",
            description = "measured appends per side with concurrent clients (default: N)")
    int concurrentCommands;

    @Option(names = "--load-sizes", paramLabel = "EVENTS", split = ",", defaultValue = "10000,100000",
            description = "engagement sizes (events) whose load time is measured, from snapshot and from cache; 0 skips (default ${DEFAULT-VALUE})")
    List<Integer> loadSizes;

    @Option(names = "--replay-events", paramLabel = "EVENTS", defaultValue = "100000",
            description = "size of the store replayed and verified against a plain JDBC read with Jackson; 0 skips"
                    + " (default ${DEFAULT-VALUE}; 1000000 with -Xmx256m shows the replay streams)")
    long replayEvents;

    @Option(names = "--replay-engagements", paramLabel = "E", defaultValue = "100",
            description = "engagements the replayed and the rebuilt stores' events are spread over (default ${DEFAULT-VALUE})")
    int replayEngagements;

    @Option(names = "--rebuild-events", paramLabel = "EVENTS", defaultValue = "20000",
            description = "size of the store whose read models are rebuilt, by the ledger and by an Axon tracking processor"
                    + " with defaults; 0 skips (default ${DEFAULT-VALUE})")
    long rebuildEvents;

    @Option(names = "--runs", paramLabel = "K", defaultValue = "1",
            description = "repeat everything K times (each on fresh databases) and report medians (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--store", defaultValue = "both", description = "h2, postgres or both (default ${DEFAULT-VALUE})")
    Store store;

    @Option(names = "--read-models", defaultValue = "running",
            description = "running (as shipped; backlog drained untimed after each ledger slice) or stopped (write path only)"
                    + " (default ${DEFAULT-VALUE})")
    AppendSettings.ReadModels readModels;

    @Option(names = "--read-model-fetch-delay", paramLabel = "MILLIS", defaultValue = "50",
            description = "the ledger's read-model fetch delay in ms: commits within it reach the read models in one fetch;"
                    + " 0 fetches after every commit, as Axon does (default ${DEFAULT-VALUE})")
    long readModelFetchDelayMillis;

    @Option(names = "--read-model-segments", paramLabel = "S", defaultValue = "" + LedgerSettings.DEFAULT_READ_MODEL_SEGMENTS,
            description = "segments of the ledger's read-model processor, for the appends and the rebuild; more let a rebuild"
                    + " use more cores, at a cost per append under load (default ${DEFAULT-VALUE}, as shipped)")
    int readModelSegments;

    @Option(names = "--db", paramLabel = "JDBC-URL", defaultValue = "${env:ENGAGEMENT_LEDGER_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}",
            description = "PostgreSQL server; a fresh schema is created in it and dropped (default ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--db-user", defaultValue = "${env:ENGAGEMENT_LEDGER_PG_USER:-postgres}", description = "default ${DEFAULT-VALUE}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:ENGAGEMENT_LEDGER_PG_PASSWORD:-}", description = "default empty")
    String dbPassword;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    BenchReport.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchReport report = run(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render(format));
        out.flush();
        return 0;
    }

    /** Runs the append benchmark with the parsed options on each store in turn; progress goes to {@code progress}. */
    BenchReport run(PrintWriter progress) throws Exception {
        AppendSettings settings;
        try {
            LedgerSettings ledger = LedgerSettings.DEFAULTS.withReadModelFetchDelay(Duration.ofMillis(readModelFetchDelayMillis))
                    .withReadModelSegments(readModelSegments);
            settings = new AppendSettings(commands, engagements, warmup, slices, ledger, readModels,
                    clients, concurrentCommands < 0 ? commands : concurrentCommands);
        } catch (IllegalArgumentException e) {
            throw new LedgerCli.UsageFailure(e.getMessage());
        }
        List<StoreReport> reports = new ArrayList<>();
        AppendRun run = new AppendRun(settings, progress);
        List<Integer> sizes = loadSizes.stream().filter(size -> size > 0).toList();
        LoadRun load;
        ReplayRun replay;
        RebuildRun rebuild;
        try {
            load = sizes.isEmpty() ? null : new LoadRun(sizes, progress);
            replay = replayEvents <= 0 ? null : new ReplayRun(replayEvents, replayEngagements, progress);
            rebuild = rebuildEvents <= 0 ? null : new RebuildRun(rebuildEvents, replayEngagements, settings.ledger(), progress);
        } catch (IllegalArgumentException e) {
            throw new LedgerCli.UsageFailure(e.getMessage());
        }
        if (runs < 1) {
            throw new LedgerCli.UsageFailure("runs must be at least 1, was " + runs);
        }
        Map<Store, List<StoreReport>> perStore = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            if (runs > 1) {
                progress.printf("run %d of %d%n", r, runs);
            }
            for (Store each : stores()) {
                StoreReport report;
                try (BenchDatabase database = open(each)) {
                    report = run.run(database);
                }
                if (load != null) {
                    try (BenchDatabase database = open(each)) {
                        report = report.plus(load.run(database));
                    }
                }
                if (replay != null) {
                    try (BenchDatabase database = open(each)) {
                        report = report.plus(replay.run(database));
                    }
                }
                if (rebuild != null) {
                    try (BenchDatabase database = open(each)) {
                        report = report.plus(rebuild.run(database));
                    }
                }
                perStore.computeIfAbsent(each, store -> new ArrayList<>()).add(report);
            }
        }
        perStore.values().forEach(reportsOfStore -> reports.add(StoreReport.median(reportsOfStore)));
        return new BenchReport("append, 1 client and " + clients + " concurrent clients, one transaction per command (ledger)"
                + " and per row (plain JDBC baseline)",
                runContext(settings), reports);
    }

    private BenchDatabase open(Store which) {
        return which == Store.POSTGRES ? BenchDatabase.postgres(db, dbUser, dbPassword == null ? "" : dbPassword, poolSize())
                : BenchDatabase.h2File(poolSize());
    }

    /** One connection per concurrent client, plus room for the single client, the read models and the snapshotter. */
    private int poolSize() {
        return clients + 4;
    }

    private List<Store> stores() {
        return store == Store.BOTH ? List.of(Store.POSTGRES, Store.H2) : List.of(store);
    }

    private Map<String, String> runContext(AppendSettings settings) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, String> run = new LinkedHashMap<>();
        run.put("commands (N)", String.valueOf(settings.commands()));
        run.put("engagements (M)", String.valueOf(settings.engagements()));
        run.put("warm-up", settings.warmup() + " per side");
        run.put("slices", settings.slices() + ", ledger and baseline alternating (ABBA)");
        run.put("load sizes", loadSizes.stream().filter(size -> size > 0).map(String::valueOf).reduce((a, b) -> a + ", " + b)
                .map(sizes -> sizes + " events, each on a database of its own, median of " + LoadRun.REPEATS + " loads").orElse("skipped"));
        run.put("replay", replayEvents <= 0 ? "skipped" : String.format(Locale.ROOT, "%,d events over %d engagements, on a database of its own,"
                + " ledger and baseline alternating (ABBA)", replayEvents, replayEngagements));
        run.put("rebuild", rebuildEvents <= 0 ? "skipped" : String.format(Locale.ROOT, "%,d events over %d engagements, on a database"
                + " of its own, ledger and baseline alternating (ABBA)", rebuildEvents, replayEngagements));
        run.put("concurrent clients", settings.clients() == 0 ? "skipped" : settings.clients() + ", " + settings.concurrentCommands()
                + " appends per side, each client on its own engagements, ledger and baseline alternating (ABBA)");
        run.put("runs", runs == 1 ? "1" : runs + ", medians reported");
        run.put("read models", settings.readModels().name().toLowerCase(Locale.ROOT));
        run.put("machine", runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MB");
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return run;
    }
}
