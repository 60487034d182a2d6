package org.engagementledger.sample.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagementledger.sample.cli.LedgerCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the append benchmark on H2 with a tiny N: checks the report's form, never its timings. */
class AppendBenchmarkTest {

    private static final String[] TINY_H2_RUN = {"--store", "h2", "--commands", "200", "--engagements", "5", "--warmup", "20", "--slices", "4",
            "--clients", "2", "--concurrent-commands", "40", "--load-sizes", "60,150",
            "--replay-events", "300", "--replay-engagements", "4", "--rebuild-events", "200"};

    private static BenchReport report;

    @BeforeAll
    static void runTinyBenchmarkOnH2() throws Exception {
        AppendBenchmark benchmark = new AppendBenchmark();
        new CommandLine(benchmark).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(TINY_H2_RUN);
        report = benchmark.run(new PrintWriter(new StringWriter()));
    }

    @Test
    void everyRateIsPositiveOnBothSidesAndItsRatioIsLedgerOverBaseline() {
        StoreReport h2 = onlyStore();
        for (String rate : List.of(AppendRun.RATE, AppendRun.FIRST, AppendRun.LAST)) {
            Measure measure = h2.measure(rate).orElseThrow(() -> new AssertionError("missing measure " + rate));
            assertEquals("ops/s", measure.unit());
            assertTrue(measure.ledger() > 0, rate + " ledger rate must be positive: " + measure);
            assertTrue(measure.baseline() > 0, rate + " baseline rate must be positive: " + measure);
            assertEquals(measure.ledger() / measure.baseline(), measure.ratio(), 1e-12);
        }
        for (String latency : List.of(AppendRun.P50, AppendRun.P99)) {
            Measure measure = h2.measure(latency).orElseThrow(() -> new AssertionError("missing measure " + latency));
            assertTrue(measure.ledger() > 0 && measure.baseline() > 0, measure.toString());
        }
        assertEquals(9, h2.goals().size());
    }

    @Test
    void concurrentClientsAreMeasuredOnBothSidesWithTheirOwnGoal() {
        Measure concurrent = onlyStore().measure("append-2-clients").orElseThrow(() -> new AssertionError(onlyStore().measures()));
        assertTrue(concurrent.ledger() > 0 && concurrent.baseline() > 0, concurrent.toString());
        assertTrue(onlyStore().goals().stream().anyMatch(goal -> goal.name().equals("append-2-clients ratio")), onlyStore().goals().toString());
    }

    @Test
    void theCpuOfEveryThreadInTheJvmIsReportedPerAppendForBothSides() {
        for (String name : List.of(AppendRun.RATE + AppendRun.JVM_CPU, "append-2-clients" + AppendRun.JVM_CPU)) {
            Measure cpu = onlyStore().measure(name).orElseThrow(() -> new AssertionError("missing " + name + " in " + onlyStore().measures()));
            assertEquals("us/op", cpu.unit());
            assertTrue(cpu.ledger() > 0 && cpu.baseline() > 0, cpu.toString());
        }
        // on H2 the database engine runs inside the JVM: there is no server to read
        assertTrue(onlyStore().measures().stream().noneMatch(m -> m.name().endsWith(AppendRun.DATABASE_CPU)), onlyStore().measures().toString());
    }

    @Test
    void loadTimesFromSnapshotAndFromCacheAreComparedWithReadingTheSnapshotRowWithJdbc() {
        StoreReport h2 = onlyStore();
        for (String name : List.of("load-60-events-from-snapshot", "load-60-events-cached", "load-150-events-from-snapshot",
                "load-150-events-cached")) {
            Measure load = h2.measure(name).orElseThrow(() -> new AssertionError("missing " + name + " in " + h2.measures()));
            assertEquals("ms", load.unit());
            assertTrue(load.ledger() > 0 && load.baseline() > 0, load.toString());
            Goal goal = h2.goals().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
            assertTrue(goal.atMost() && goal.limit() == 5.0, goal.toString());
        }
        assertEquals("written in", h2.context().get("engagement of 150").substring(0, 10));
        assertTrue(h2.context().get("engagement of 150").endsWith("snapshot at sequence 149"), h2.context().toString());
    }

    @Test
    void theWholeStoreReplayIsComparedWithAPlainJdbcReadAndReportsItsPeakHeap() {
        StoreReport h2 = onlyStore();
        Measure replay = h2.measure("replay-verify-300-events").orElseThrow(() -> new AssertionError(h2.measures().toString()));
        assertEquals("events/s", replay.unit());
        assertTrue(replay.ledger() > 0 && replay.baseline() > 0, replay.toString());
        assertTrue(h2.context().get("replay store").startsWith("300 events over 4 engagements"), h2.context().toString());
        assertTrue(h2.context().get("replay heap").startsWith("old generation peak "), h2.context().toString());
    }

    @Test
    void theReadModelRebuildIsComparedWithATrackingProcessorWithAxonsDefaults() {
        Measure rebuild = onlyStore().measure("rebuild-read-models-200-events").orElseThrow(() -> new AssertionError(onlyStore().measures()));
        assertEquals("events/s", rebuild.unit());
        assertTrue(rebuild.ledger() > 0 && rebuild.baseline() > 0, rebuild.toString());
        assertTrue(onlyStore().goals().stream().anyMatch(goal -> goal.name().equals("rebuild-read-models-200-events ratio")));
    }

    @Test
    void zeroRunsIsAUsageError() {
        StringWriter err = new StringWriter();
        int exitCode = LedgerCli.execute(new String[] {"bench", "--store", "h2", "--runs", "0"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertEquals(LedgerCli.USAGE, exitCode);
        assertTrue(err.toString().contains("runs must be at least 1, was 0"), err.toString());
    }

    @Test
    void moreClientsThanEngagementsIsAUsageError() {
        StringWriter err = new StringWriter();
        int exitCode = LedgerCli.execute(new String[] {"bench", "--store", "h2", "--engagements", "5", "--clients", "16"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertEquals(LedgerCli.USAGE, exitCode);
        assertTrue(err.toString().contains("clients must be between 0 and the number of engagements (5), was 16"), err.toString());
    }

    @Test
    void baselineRowsAreAsLargeAsTheLedgersEventsAndShapedLikeItsTable() {
        StoreReport h2 = onlyStore();
        Measure size = h2.measure(AppendRun.EVENT_SIZE).orElseThrow();
        assertTrue(size.ledger() > 100, size.toString());
        assertEquals(size.ledger(), size.baseline(), size.ledger() * 0.02, "baseline rows must be as large as the ledger's events");
        assertTrue(h2.context().get("baseline table").contains("same shape"), h2.context().get("baseline table"));
        assertFalse(h2.context().getOrDefault("event processors", "").isBlank(), "the report says which event processors ran");
    }

    @Test
    void theJsonFormHasAnObjectPerMeasureWithNameLedgerBaselineUnitAndRatio() throws Exception {
        JsonNode measures = new ObjectMapper().readTree(report.json()).path("stores").path(0).path("measures");

        assertEquals(onlyStore().measures().size(), measures.size());
        for (JsonNode measure : measures) {
            for (String field : List.of("name", "ledger", "baseline", "unit", "ratio")) {
                assertTrue(measure.has(field), "measure without " + field + ": " + measure);
            }
        }
        JsonNode rate = find(measures, AppendRun.RATE);
        double ratio = rate.path("ledger").asDouble() / rate.path("baseline").asDouble();
        assertEquals(ratio, rate.path("ratio").asDouble(), 1e-3 * ratio + 1e-4);
    }

    @Test
    void theTextFormShowsBothSidesAndTheGoals() {
        String text = report.text();

        assertTrue(text.contains("ledger") && text.contains("baseline") && text.contains("ratio"), text);
        assertTrue(text.contains(AppendRun.RATE) && text.contains(AppendRun.P99), text);
        assertTrue(text.contains("goal " + AppendRun.RATE + " ratio >= 0.95"), text);
    }

    @Test
    void theBenchCommandPrintsJsonOnStandardOutputAndProgressElsewhere() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = LedgerCli.execute(concat(new String[] {"bench"}, concat(TINY_H2_RUN, "--format", "JSON", "--read-models", "stopped")),
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(0, exitCode, err.toString());
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("h2", root.path("stores").path(0).path("store").asText());
        assertEquals("stopped", root.path("run").path("read models").asText());
        assertTrue(err.toString().contains("slice 4/4"), err.toString());
    }

    private static StoreReport onlyStore() {
        assertEquals(1, report.stores().size());
        StoreReport h2 = report.stores().get(0);
        assertEquals("h2", h2.store());
        return h2;
    }

    private static JsonNode find(JsonNode measures, String name) {
        for (JsonNode measure : measures) {
            if (name.equals(measure.path("name").asText())) {
                return measure;
            }
        }
        throw new AssertionError("no measure " + name + " in " + measures);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
