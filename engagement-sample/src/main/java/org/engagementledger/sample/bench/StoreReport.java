package org.engagementledger.sample.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one store (database) produced in one run: its measures, the goals checked against them, and
 * facts that explain the figures (database version, ledger settings, event processors, snapshots).
 *
 * @param store    {@code h2} or {@code postgres}
 * @param database where it ran (JDBC URL, fresh schema or temporary directory)
 * @param context  facts about the run, in the order they should be printed
 */
public record StoreReport(String store, String database, Map<String, String> context, List<Measure> measures,
                          List<Goal> goals) {

    public StoreReport {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        measures = List.copyOf(measures);
        goals = List.copyOf(goals);
    }

    public Optional<Measure> measure(String name) {
        return measures.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Context, measures and goals of one more benchmark on the same store, to add to its report. */
    public record Part(Map<String, String> context, List<Measure> measures, List<Goal> goals) {
    }

    /** This report with a part appended. */
    public StoreReport plus(Part part) {
        Map<String, String> allContext = new LinkedHashMap<>(context);
        allContext.putAll(part.context());
        List<Measure> allMeasures = new java.util.ArrayList<>(measures);
        allMeasures.addAll(part.measures());
        List<Goal> allGoals = new java.util.ArrayList<>(goals);
        allGoals.addAll(part.goals());
        return new StoreReport(store, database, allContext, allMeasures, allGoals);
    }

    /**
     * The median of several runs on the same store: each measure's ledger and baseline figures are the
     * medians of that measure over the runs (its ratio follows from them), each goal's value the median
     * of its values; the context is the last run's, with the number of runs. Measures or goals missing
     * from a run are taken over the runs that have them.
     */
    public static StoreReport median(List<StoreReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to take the median of");
        }
        StoreReport last = runs.get(runs.size() - 1);
        Map<String, String> context = new LinkedHashMap<>(last.context());
        context.put("runs", runs.size() + (runs.size() == 1 ? "" : ", every figure the median over them"));
        List<Measure> measures = new java.util.ArrayList<>();
        for (Measure measure : last.measures()) {
            List<Measure> same = runs.stream().flatMap(run -> run.measure(measure.name()).stream()).toList();
            measures.add(new Measure(measure.name(), median(same.stream().mapToDouble(Measure::ledger).toArray()),
                    median(same.stream().mapToDouble(Measure::baseline).toArray()), measure.unit()));
        }
        List<Goal> goals = new java.util.ArrayList<>();
        for (Goal goal : last.goals()) {
            double[] values = runs.stream().flatMap(run -> run.goals().stream()).filter(g -> g.name().equals(goal.name()))
                    .mapToDouble(Goal::value).toArray();
            goals.add(new Goal(goal.name(), goal.description(), goal.limit(), median(values), goal.atMost()));
        }
        return new StoreReport(last.store(), last.database(), context, measures, goals);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
