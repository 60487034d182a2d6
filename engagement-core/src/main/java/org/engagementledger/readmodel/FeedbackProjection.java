package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.engagementledger.api.Actor;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.DataSubjectErased;
import org.engagementledger.api.engagement.FeedbackAnswered;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.engagement.ActorMetaData;

import java.time.Instant;

/**
 * Projects the feedback log ({@code rm_feedback}): every piece of feedback, who gave it and the agency's answer.
 *
 * <p>It holds personal data decrypted (observation, name and contact of {@code given_by}). On
 * {@link DataSubjectErased} it overwrites them with {@link PersonalData#REPLACEMENT} in every row of that
 * subject received before the erasure, so the read model keeps no plaintext the events no longer yield. A
 * rebuild gets the replacement from the events themselves, their key being gone.
 *
 * <p>Replay-safe: a row is inserted once, answered once ({@code answered_sequence} guard), and an erasure
 * only touches rows received before it.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class FeedbackProjection {

    private final ReadModelJdbc jdbc;

    public FeedbackProjection(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    @EventHandler
    public void on(FeedbackReceived event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        if (jdbc.exists("SELECT 1 FROM rm_feedback WHERE engagement_id = ? AND feedback_id = ?", event.engagementId(), event.feedbackId())) {
            return;
        }
        Actor actor = ActorMetaData.from(metaData);
        jdbc.update("INSERT INTO rm_feedback (engagement_id, feedback_id, source, observation, linked_requirement, given_by,"
                        + " given_by_name, given_by_contact, received_sequence, actor_id, actor_role, actor_organisation, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.engagementId(), event.feedbackId(), event.source(), event.observation(), event.linkedRequirement(),
                event.givenBy(), event.givenByName(), event.givenByContact(), sequence, actor.id(), actor.role(), actor.organisation(), at);
    }

    @EventHandler
    public void on(FeedbackAnswered event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        Actor actor = ActorMetaData.from(metaData);
        jdbc.update("UPDATE rm_feedback SET response = ?, decision = ?, answered_by_id = ?, answered_by_role = ?, answered_by_org = ?,"
                        + " answered_at = ?, answered_sequence = ? WHERE engagement_id = ? AND feedback_id = ? AND answered_sequence IS NULL",
                event.response(), event.decision(), actor.id(), actor.role(), actor.organisation(), at, sequence,
                event.engagementId(), event.feedbackId());
    }

    @EventHandler
    public void on(DataSubjectErased event, @SequenceNumber long sequence) {
        String where = " WHERE engagement_id = ? AND given_by = ? AND received_sequence < ?";
        jdbc.update("UPDATE rm_feedback SET observation = ?" + where,
                PersonalData.REPLACEMENT, event.engagementId(), event.subject(), sequence);
        jdbc.update("UPDATE rm_feedback SET given_by_name = ?" + where + " AND given_by_name IS NOT NULL",
                PersonalData.REPLACEMENT, event.engagementId(), event.subject(), sequence);
        jdbc.update("UPDATE rm_feedback SET given_by_contact = ?" + where + " AND given_by_contact IS NOT NULL",
                PersonalData.REPLACEMENT, event.engagementId(), event.subject(), sequence);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM rm_feedback");
    }
}
