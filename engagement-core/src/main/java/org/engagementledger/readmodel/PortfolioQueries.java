package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.query.AgencyPortfolio;
import org.engagementledger.api.query.FindAgencyPortfolio;
import org.engagementledger.api.query.OpenEngagement;
import org.engagementledger.api.query.RepeatEngagement;
import org.engagementledger.api.query.SupplierSpend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers {@link FindAgencyPortfolio}: one buyer's spend per supplier, open engagements and repeat
 * engagements. Everything is derived at query time from the per-engagement tables, so nothing
 * cross-engagement is stored that a replay could get out of step.
 */
public final class PortfolioQueries {

    private final ReadModelJdbc jdbc;
    private final EngagementRows engagements;

    public PortfolioQueries(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
        this.engagements = new EngagementRows(jdbc);
    }

    @QueryHandler
    public AgencyPortfolio handle(FindAgencyPortfolio query) {
        List<EngagementRows.Row> rows = engagements.find("WHERE e.buyer_id = ?", "e.commissioned_at, e.engagement_id", query.buyerId());
        List<OpenEngagement> open = rows.stream().filter(EngagementRows.Row::isOpen)
                .map(r -> new OpenEngagement(r.engagementId(), r.title(), r.supplier(), r.status(), r.ceiling(), r.committed()))
                .toList();
        return new AgencyPortfolio(query.buyerId(), spendPerSupplier(rows), open, repeatEngagements(rows, query.buyerId()));
    }

    /** Per supplier id and currency (amounts in different currencies are never added), named as in the oldest engagement. */
    private static List<SupplierSpend> spendPerSupplier(List<EngagementRows.Row> rows) {
        Map<String, List<EngagementRows.Row>> bySupplier = rows.stream().collect(Collectors.groupingBy(
                r -> r.supplier().id() + " " + r.committed().currency().getCurrencyCode(), TreeMap::new, Collectors.toList()));
        return bySupplier.values().stream().map(group -> new SupplierSpend(group.get(0).supplier(),
                group.stream().map(EngagementRows.Row::committed).reduce(Money::plus).orElseThrow(), group.size())).toList();
    }

    /**
     * Groups the buyer's capability targets by supplier and capability name (trimmed, case-insensitive);
     * a group spanning two or more engagements is a repeat engagement. Ordered by supplier id, then capability.
     */
    private List<RepeatEngagement> repeatEngagements(List<EngagementRows.Row> rows, String buyerId) {
        Map<EngagementId, EngagementRows.Row> byId = rows.stream()
                .collect(Collectors.toMap(EngagementRows.Row::engagementId, Function.identity()));
        record Target(EngagementId engagementId, String capability) {
        }
        List<Target> targets = jdbc.query("SELECT t.engagement_id, t.capability FROM rm_capability_target t"
                        + " JOIN rm_engagement e ON e.engagement_id = t.engagement_id WHERE e.buyer_id = ?"
                        + " ORDER BY e.commissioned_at, t.engagement_id, t.defined_sequence",
                row -> new Target(new EngagementId(row.getString(1)), row.getString(2)), buyerId);
        record Key(String supplierId, String capability) {
        }
        Map<Key, Set<EngagementId>> engaged = new LinkedHashMap<>();
        Map<Key, String> firstNamed = new LinkedHashMap<>();
        for (Target target : targets) {
            EngagementRows.Row engagement = byId.get(target.engagementId());
            if (engagement == null) {
                continue; // commissioned after the engagement rows were read
            }
            Key key = new Key(engagement.supplier().id(), normalised(target.capability()));
            engaged.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(target.engagementId());
            firstNamed.putIfAbsent(key, target.capability().strip());
        }
        List<RepeatEngagement> repeats = new ArrayList<>();
        engaged.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Key::supplierId).thenComparing(Key::capability)))
                .forEach(e -> repeats.add(new RepeatEngagement(byId.get(e.getValue().iterator().next()).supplier(),
                        firstNamed.get(e.getKey()), List.copyOf(e.getValue()))));
        return repeats;
    }

    static String normalised(String capability) {
        return capability.strip().toLowerCase(Locale.ROOT);
    }
}
