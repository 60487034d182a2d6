package org.engagementledger.sample.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one benchmark run over one or more stores, printable as a text table or as JSON
 * (an object per measure with {@code name}, {@code ledger}, {@code baseline}, {@code unit} and
 * {@code ratio}, grouped by store).
 *
 * @param benchmark what was measured, e.g. {@code append}
 * @param run       parameters and machine, in print order
 */
public record BenchReport(String benchmark, Map<String, String> run, List<StoreReport> stores) {

    public BenchReport {
        run = Collections.unmodifiableMap(new LinkedHashMap<>(run));
        stores = List.copyOf(stores);
    }

    public enum Format { TEXT, JSON }

    public String render(Format format) {
        return format == Format.JSON ? json() : text();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Benchmark: ").append(benchmark).append('\n');
        run.forEach((key, value) -> out.append(String.format(Locale.ROOT, "  %-22s %s%n", key, value)));
        for (StoreReport store : stores) {
            out.append('\n').append(store.store()).append(": ").append(store.database()).append('\n');
            store.context().forEach((key, value) -> out.append(String.format(Locale.ROOT, "  %-22s %s%n", key, value)));
            out.append(String.format(Locale.ROOT, "  %-30s %12s %12s  %-6s %7s%n", "measure", "ledger", "baseline", "unit", "ratio"));
            for (Measure m : store.measures()) {
                out.append(String.format(Locale.ROOT, "  %-30s %12s %12s  %-6s %7s%n", m.name(), figure(m.ledger()),
                        figure(m.baseline()), m.unit(), String.format(Locale.ROOT, "%.2f", m.ratio())));
            }
            for (Goal goal : store.goals()) {
                out.append(String.format(Locale.ROOT, "  goal %-46s %-6s (%.2f; %s)%n", goal.name() + " " + goal.comparison() + " " + goal.limit(),
                        goal.met() ? "MET" : "MISSED", goal.value(), goal.description()));
            }
        }
        return out.toString();
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", benchmark);
        ObjectNode runNode = root.putObject("run");
        run.forEach(runNode::put);
        ArrayNode storesNode = root.putArray("stores");
        for (StoreReport store : stores) {
            ObjectNode storeNode = storesNode.addObject();
            storeNode.put("store", store.store());
            storeNode.put("database", store.database());
            ObjectNode context = storeNode.putObject("context");
            store.context().forEach(context::put);
            ArrayNode measures = storeNode.putArray("measures");
            for (Measure m : store.measures()) {
                ObjectNode node = measures.addObject();
                node.put("name", m.name());
                node.put("ledger", rounded(m.ledger()));
                node.put("baseline", rounded(m.baseline()));
                node.put("unit", m.unit());
                node.put("ratio", rounded(m.ratio()));
            }
            ArrayNode goals = storeNode.putArray("goals");
            for (Goal goal : store.goals()) {
                ObjectNode node = goals.addObject();
                node.put("name", goal.name());
                node.put("description", goal.description());
                node.put(goal.atMost() ? "maximum" : "minimum", goal.limit());
                node.put("value", rounded(goal.value()));
                node.put("met", goal.met());
            }
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the report as JSON", e);
        }
    }

    /** Four decimals are plenty for rates, milliseconds and ratios; NaN stays NaN (written as a string). */
    private static double rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String figure(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
