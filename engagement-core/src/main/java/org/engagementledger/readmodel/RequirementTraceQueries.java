package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.api.query.FindRequirementTrace;
import org.engagementledger.api.query.FulfilmentAction;
import org.engagementledger.api.query.FulfilmentStep;
import org.engagementledger.api.query.RequirementRevision;
import org.engagementledger.api.query.RequirementTrace;
import org.engagementledger.api.query.TracedRequirement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers {@link FindRequirementTrace} from the requirement tables, oldest first throughout. */
public final class RequirementTraceQueries {

    private final ReadModelJdbc jdbc;

    public RequirementTraceQueries(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    /** The trace, or {@code null} when the read models do not know the engagement. */
    @QueryHandler
    public RequirementTrace handle(FindRequirementTrace query) {
        EngagementId id = query.engagementId();
        if (!jdbc.exists("SELECT 1 FROM rm_engagement WHERE engagement_id = ?", id)) {
            return null;
        }
        Map<Long, List<String>> criteria = jdbc.query("SELECT sequence_number, criterion FROM rm_requirement_criterion"
                        + " WHERE engagement_id = ? ORDER BY sequence_number, ordinal",
                row -> Map.entry(row.getLong("sequence_number"), row.getString("criterion")), id).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<RequirementId, List<RequirementRevision>> revisions = jdbc.query("SELECT * FROM rm_requirement_revision"
                        + " WHERE engagement_id = ? ORDER BY sequence_number", row -> Map.entry(requirementId(row),
                        revision(row, criteria.getOrDefault(row.getLong("sequence_number"), List.of()))), id).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<RequirementId, List<FulfilmentStep>> steps = jdbc.query("SELECT * FROM rm_fulfilment_step"
                        + " WHERE engagement_id = ? ORDER BY sequence_number", row -> Map.entry(requirementId(row), step(row)), id).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<TracedRequirement> requirements = jdbc.query("SELECT * FROM rm_requirement WHERE engagement_id = ? ORDER BY added_sequence",
                row -> {
                    RequirementId requirementId = requirementId(row);
                    return new TracedRequirement(requirementId, StatedBy.valueOf(row.getString("stated_by")),
                            RequirementStatus.valueOf(row.getString("status")), row.getInt("current_version"),
                            revisions.getOrDefault(requirementId, List.of()), steps.getOrDefault(requirementId, List.of()));
                }, id);
        return new RequirementTrace(id, requirements);
    }

    private static RequirementId requirementId(ResultSet row) throws SQLException {
        return new RequirementId(row.getString("requirement_id"));
    }

    private static RequirementRevision revision(ResultSet row, List<String> criteria) throws SQLException {
        return new RequirementRevision(row.getInt("version"), row.getString("outcome"), criteria, row.getString("verification_method"),
                row.getString("reason"), row.getBoolean("lacks_acceptance_criteria"), ReadModelJdbc.actor(row),
                ReadModelJdbc.instant(row, "recorded_at"));
    }

    private static FulfilmentStep step(ResultSet row) throws SQLException {
        return new FulfilmentStep(FulfilmentAction.valueOf(row.getString("action")), row.getInt("version"), row.getString("detail"),
                ReadModelJdbc.actor(row), ReadModelJdbc.instant(row, "recorded_at"));
    }
}
