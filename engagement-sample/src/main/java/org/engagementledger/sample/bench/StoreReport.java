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
}
