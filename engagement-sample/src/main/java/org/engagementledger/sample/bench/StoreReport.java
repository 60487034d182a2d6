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
}
