package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.query.CapabilityProgress;
import org.engagementledger.api.query.EngagementSummary;
import org.engagementledger.api.query.FindEngagementSummary;
import org.engagementledger.api.query.ListEngagementSummaries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers {@link FindEngagementSummary} and {@link ListEngagementSummaries} from the read-model tables. */
public final class SummaryQueries {

    private final ReadModelJdbc jdbc;
    private final EngagementRows engagements;

    public SummaryQueries(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
        this.engagements = new EngagementRows(jdbc);
    }

    /** The summary, or {@code null} when the read models do not know the engagement. */
    @QueryHandler
    public EngagementSummary handle(FindEngagementSummary query) {
        List<EngagementSummary> found = summaries("WHERE e.engagement_id = ?", " WHERE engagement_id = ?", query.engagementId());
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    public List<EngagementSummary> handle(ListEngagementSummaries query) {
        return summaries("", "");
    }

    private List<EngagementSummary> summaries(String engagementWhere, String childWhere, Object... parameters) {
        List<EngagementRows.Row> rows = engagements.find(engagementWhere, "e.engagement_id", parameters);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<EngagementId, Map<RequirementStatus, Integer>> counts = new HashMap<>();
        for (Count count : jdbc.query("SELECT engagement_id, status, COUNT(*) AS requirements FROM rm_requirement" + childWhere
                + " GROUP BY engagement_id, status", SummaryQueries::count, parameters)) {
            counts.computeIfAbsent(count.engagementId(), id -> new EnumMap<>(RequirementStatus.class)).put(count.status(), count.requirements());
        }
        Map<EngagementId, List<CapabilityProgress>> capabilities = jdbc.query("SELECT * FROM rm_capability_target" + childWhere
                        + " ORDER BY engagement_id, defined_sequence", SummaryQueries::progress, parameters).stream()
                .collect(Collectors.groupingBy(Progress::engagementId, Collectors.mapping(Progress::progress, Collectors.toList())));
        return rows.stream().map(r -> new EngagementSummary(r.engagementId(), r.status(), r.buyer(), r.buyerUnit(), r.supplier(),
                r.title(), r.ceiling(), r.committed(), r.ceiling().minus(r.committed()), r.invoiced(), r.acceptedInvoices(),
                r.disputedInvoices(), counts.getOrDefault(r.engagementId(), Map.of()),
                capabilities.getOrDefault(r.engagementId(), List.of()))).toList();
    }

    private record Count(EngagementId engagementId, RequirementStatus status, int requirements) {
    }

    private record Progress(EngagementId engagementId, CapabilityProgress progress) {
    }

    private static Count count(ResultSet row) throws SQLException {
        return new Count(new EngagementId(row.getString("engagement_id")), RequirementStatus.valueOf(row.getString("status")),
                row.getInt("requirements"));
    }

    /** Met when the latest assessment reached the target level. */
    private static Progress progress(ResultSet row) throws SQLException {
        Integer assessed = ReadModelJdbc.nullableInt(row, "assessed_level");
        int target = row.getInt("target_level");
        return new Progress(new EngagementId(row.getString("engagement_id")),
                new CapabilityProgress(new CapabilityTargetId(row.getString("target_id")), row.getString("capability"),
                        row.getString("recipient_team"), row.getInt("baseline_level"), target, assessed,
                        assessed != null && assessed >= target));
    }
}
