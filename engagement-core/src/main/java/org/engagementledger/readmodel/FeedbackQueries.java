package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;
import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.query.FeedbackEntry;
import org.engagementledger.api.query.FeedbackLog;
import org.engagementledger.api.query.FindFeedbackLog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Answers {@link FindFeedbackLog} from {@code rm_feedback}, in the order feedback was received. */
public final class FeedbackQueries {

    private final ReadModelJdbc jdbc;

    public FeedbackQueries(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    /** The log, or {@code null} when the read models do not know the engagement. */
    @QueryHandler
    public FeedbackLog handle(FindFeedbackLog query) {
        EngagementId id = query.engagementId();
        if (!jdbc.exists("SELECT 1 FROM rm_engagement WHERE engagement_id = ?", id)) {
            return null;
        }
        return new FeedbackLog(id, jdbc.query("SELECT * FROM rm_feedback WHERE engagement_id = ? ORDER BY received_sequence",
                FeedbackQueries::entry, id));
    }

    private static FeedbackEntry entry(ResultSet row) throws SQLException {
        String givenBy = row.getString("given_by");
        String linked = row.getString("linked_requirement");
        String answeredBy = row.getString("answered_by_id");
        return new FeedbackEntry(FeedbackId.of(row.getString("feedback_id")), FeedbackSource.valueOf(row.getString("source")),
                row.getString("observation"), linked == null ? null : RequirementId.of(linked),
                givenBy == null ? null : DataSubjectId.of(givenBy), row.getString("given_by_name"), row.getString("given_by_contact"),
                ReadModelJdbc.actor(row), ReadModelJdbc.instant(row, "received_at"), row.getString("response"), row.getString("decision"),
                answeredBy == null ? null : new Actor(answeredBy, Role.valueOf(row.getString("answered_by_role")), row.getString("answered_by_org")),
                ReadModelJdbc.instant(row, "answered_at"));
    }
}
