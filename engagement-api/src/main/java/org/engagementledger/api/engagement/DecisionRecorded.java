package org.engagementledger.api.engagement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.DecisionId;
import org.engagementledger.api.EngagementId;

/**
 * A decision was taken; the actor is the decider. {@code decidedOn} is when it was taken, which may
 * precede when it was recorded.
 *
 * <p>Revision 2 added {@code decidedOn}; revision-1 events are upcast with the day they were
 * recorded (UTC) by {@code DecisionRecordedUpcaster}.
 */
@Revision("2")
public record DecisionRecorded(
        EngagementId engagementId,
        DecisionId decisionId,
        String subject,
        String rationale,
        LocalDate decidedOn) implements EngagementEvent {
}
