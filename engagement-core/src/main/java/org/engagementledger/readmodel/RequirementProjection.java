package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.FulfilmentAccepted;
import org.engagementledger.api.engagement.FulfilmentRejected;
import org.engagementledger.api.engagement.FulfilmentSubmitted;
import org.engagementledger.api.engagement.RequirementAdded;
import org.engagementledger.api.engagement.RequirementRevised;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.RequirementWithdrawn;
import org.engagementledger.api.query.FulfilmentAction;
import org.engagementledger.engagement.ActorMetaData;

import java.time.Instant;
import java.util.List;

/**
 * Projects the requirement trace: each requirement's current status and version
 * ({@code rm_requirement}), every version as stated ({@code rm_requirement_revision} with its
 * criteria in {@code rm_requirement_criterion}) and every fulfilment step ({@code rm_fulfilment_step}).
 *
 * <p>Replay-safe: history rows are keyed by the event's position in its engagement and written once;
 * the current status only moves forward ({@code last_sequence} guard).
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class RequirementProjection {

    private final ReadModelJdbc jdbc;

    public RequirementProjection(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    @EventHandler
    public void on(RequirementAdded event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        if (!jdbc.exists("SELECT 1 FROM rm_requirement WHERE engagement_id = ? AND requirement_id = ?",
                event.engagementId(), event.requirementId())) {
            jdbc.update("INSERT INTO rm_requirement (engagement_id, requirement_id, stated_by, status, current_version,"
                            + " added_sequence, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    event.engagementId(), event.requirementId(), event.statedBy(), RequirementStatus.OPEN, 1, sequence, sequence);
        }
        revision(event.engagementId(), sequence, event.requirementId(), 1, event.outcome(), event.acceptanceCriteria(),
                event.verificationMethod(), null, event.lacksAcceptanceCriteria(), ActorMetaData.from(metaData), at);
    }

    @EventHandler
    public void on(RequirementRevised event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        jdbc.update("UPDATE rm_requirement SET status = ?, current_version = ?, last_sequence = ?"
                        + " WHERE engagement_id = ? AND requirement_id = ? AND last_sequence < ?",
                RequirementStatus.OPEN, event.version(), sequence, event.engagementId(), event.requirementId(), sequence);
        revision(event.engagementId(), sequence, event.requirementId(), event.version(), event.outcome(),
                event.acceptanceCriteria(), event.verificationMethod(), event.reason(), event.lacksAcceptanceCriteria(),
                ActorMetaData.from(metaData), at);
    }

    @EventHandler
    public void on(FulfilmentSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        step(event.engagementId(), sequence, event.requirementId(), FulfilmentAction.SUBMITTED, RequirementStatus.FULFILMENT_SUBMITTED,
                event.version(), event.evidence(), ActorMetaData.from(metaData), at);
    }

    @EventHandler
    public void on(FulfilmentAccepted event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        step(event.engagementId(), sequence, event.requirementId(), FulfilmentAction.ACCEPTED, RequirementStatus.ACCEPTED,
                event.version(), event.assessment(), ActorMetaData.from(metaData), at);
    }

    @EventHandler
    public void on(FulfilmentRejected event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        step(event.engagementId(), sequence, event.requirementId(), FulfilmentAction.REJECTED, RequirementStatus.REJECTED,
                event.version(), event.reason(), ActorMetaData.from(metaData), at);
    }

    /** The withdrawal names no version: it withdraws the version current when it happened. */
    @EventHandler
    public void on(RequirementWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        int version = jdbc.query("SELECT MAX(version) FROM rm_requirement_revision WHERE engagement_id = ? AND requirement_id = ?"
                        + " AND sequence_number < ?", row -> row.getInt(1),
                event.engagementId(), event.requirementId(), sequence).get(0);
        step(event.engagementId(), sequence, event.requirementId(), FulfilmentAction.WITHDRAWN, RequirementStatus.WITHDRAWN,
                version, event.reason(), ActorMetaData.from(metaData), at);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM rm_fulfilment_step");
        jdbc.update("DELETE FROM rm_requirement_criterion");
        jdbc.update("DELETE FROM rm_requirement_revision");
        jdbc.update("DELETE FROM rm_requirement");
    }

    private void revision(EngagementId engagementId, long sequence, RequirementId requirementId, int version, String outcome,
                          List<String> criteria, String verificationMethod, String reason, boolean lacksCriteria,
                          Actor actor, Instant at) {
        if (jdbc.exists("SELECT 1 FROM rm_requirement_revision WHERE engagement_id = ? AND sequence_number = ?",
                engagementId, sequence)) {
            return;
        }
        jdbc.update("INSERT INTO rm_requirement_revision (engagement_id, sequence_number, requirement_id, version, outcome,"
                        + " verification_method, reason, lacks_acceptance_criteria, actor_id, actor_role, actor_organisation,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                engagementId, sequence, requirementId, version, outcome, verificationMethod, reason, lacksCriteria,
                actor.id(), actor.role(), actor.organisation(), at);
        for (int i = 0; i < criteria.size(); i++) {
            jdbc.update("INSERT INTO rm_requirement_criterion (engagement_id, sequence_number, ordinal, criterion)"
                    + " VALUES (?, ?, ?, ?)", engagementId, sequence, i, criteria.get(i));
        }
    }

    private void step(EngagementId engagementId, long sequence, RequirementId requirementId, FulfilmentAction action,
                      RequirementStatus newStatus, int version, String detail, Actor actor, Instant at) {
        jdbc.update("UPDATE rm_requirement SET status = ?, last_sequence = ?"
                        + " WHERE engagement_id = ? AND requirement_id = ? AND last_sequence < ?",
                newStatus, sequence, engagementId, requirementId, sequence);
        if (jdbc.exists("SELECT 1 FROM rm_fulfilment_step WHERE engagement_id = ? AND sequence_number = ?", engagementId, sequence)) {
            return;
        }
        jdbc.update("INSERT INTO rm_fulfilment_step (engagement_id, sequence_number, requirement_id, action, version, detail,"
                        + " actor_id, actor_role, actor_organisation, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                engagementId, sequence, requirementId, action, version, detail, actor.id(), actor.role(), actor.organisation(), at);
    }
}
