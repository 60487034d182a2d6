package org.engagementledger.sample.bench;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.engagementledger.EngagementLedger;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.readmodel.ReadModels;
import org.engagementledger.storage.JdbcLedgerStorage;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.LedgerSerializers;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read-model rebuild: the ledger's read models cleared and rebuilt from every stored event, by the
 * ledger's own processor (pooled streaming, batches of {@value ReadModels#BATCH_SIZE} events per
 * transaction), against the same projections under an Axon tracking processor with its defaults (one
 * thread, one event per transaction), on the same store in the same run. The two alternate, ledger,
 * baseline, baseline, ledger; each rate is events over the summed time of its two rebuilds.
 */
final class RebuildRun {

    static final String REBUILD = "rebuild-read-models-%d-events";
    static final double GOAL = 2.0;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final String BASELINE_PROCESSOR = "baseline-tracking-defaults";

    private final HistoryWriter.StoreShape shape;
    private final LedgerSettings settings;
    private final PrintWriter progress;

    RebuildRun(long events, int engagements, LedgerSettings settings, PrintWriter progress) {
        this.shape = new HistoryWriter.StoreShape(events, engagements);
        this.settings = settings;
        this.progress = progress;
    }

    StoreReport.Part run(BenchDatabase database) throws Exception {
        DataSource dataSource = database.dataSource();
        progress.printf("%s: writing %s for the rebuild%n", database.store(), shape.describe());
        HistoryWriter.writeStore(dataSource, "REBUILD", shape);
        double ledgerSeconds = 0;
        double baselineSeconds = 0;
        ledgerSeconds += rebuildWithLedger(dataSource);
        baselineSeconds += rebuildWithTrackingDefaults(dataSource);
        baselineSeconds += rebuildWithTrackingDefaults(dataSource);
        ledgerSeconds += rebuildWithLedger(dataSource);
        double ledgerRate = 2 * shape.events() / ledgerSeconds;
        double baselineRate = 2 * shape.events() / baselineSeconds;
        progress.printf(Locale.ROOT, "%s: rebuild %.0f events/s, tracking processor defaults %.0f events/s%n", database.store(), ledgerRate,
                baselineRate);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("rebuild", shape.describe() + " into " + settings.readModelSegments() + " read-model segment(s); baseline: the same projections in a"
                + " TrackingEventProcessor with Axon's defaults (1 thread, batch size 1)");
        String name = String.format(Locale.ROOT, REBUILD, shape.events());
        Measure measure = new Measure(name, ledgerRate, baselineRate, "events/s");
        return new StoreReport.Part(context, List.of(measure),
                List.of(new Goal(name + " ratio", "rebuild at least 2x Axon's tracking processor defaults", GOAL, measure.ratio())));
    }

    /** The ledger as shipped: its read models project the store once on start, then are rebuilt, timed. */
    private double rebuildWithLedger(DataSource dataSource) {
        try (EngagementLedger ledger = EngagementLedger.builder().dataSource(dataSource).settings(settings).build()) {
            ledger.awaitReadModels(TIMEOUT);
            long started = System.nanoTime();
            ledger.rebuildReadModels();
            ledger.awaitReadModels(TIMEOUT);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** The same projections and tables, in a tracking event processor configured with nothing but Axon's defaults. */
    private double rebuildWithTrackingDefaults(DataSource dataSource) {
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> LedgerSerializers.jackson())
                .configureEventSerializer(c -> LedgerSerializers.jackson())
                .configureMessageSerializer(c -> LedgerSerializers.jackson())
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> JdbcLedgerStorage.eventStorageEngine(transactions, transactions, c.eventSerializer(),
                        c.serializer(), c.upcasterChain(), c.snapshotFilter(), LedgerSettings.DEFAULTS.gapTimeout()))
                .registerComponent(TokenStore.class, c -> JdbcLedgerStorage.tokenStore(transactions, c.serializer()));
        // Axon's defaults (one thread, batch size 1), except that it waits to be started: its tokens are reset first
        // under a name of its own, so that its token rows are not the ledger's (which may hold more segments than one thread claims)
        configurer.eventProcessing().assignProcessingGroup(ReadModels.PROCESSING_GROUP, BASELINE_PROCESSOR)
                .registerTrackingEventProcessor(BASELINE_PROCESSOR, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andAutoStart(false));
        for (Object projection : ReadModels.projections(transactions)) {
            configurer.eventProcessing().registerEventHandler(c -> projection);
        }
        Configuration axon = configurer.start();
        try {
            StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor(BASELINE_PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            long started = System.nanoTime();
            processor.resetTokens(); // the projections' reset handlers clear the tables; the token goes back to the tail
            processor.start();
            ReadModels.awaitCaughtUp(processor, axon.eventStore(), null, TIMEOUT);
            return (System.nanoTime() - started) / 1e9;
        } finally {
            axon.shutdown();
        }
    }
}
