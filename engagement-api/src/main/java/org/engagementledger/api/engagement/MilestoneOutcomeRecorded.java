package org.engagementledger.api.engagement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.MilestoneId;

/**
 * A milestone's outcome was recorded; the actor accepted it.
 */
@Revision("1")
public record MilestoneOutcomeRecorded(
        EngagementId engagementId,
        MilestoneId milestoneId,
        MilestoneStatus status,
        LocalDate dateMet,
        String note) implements EngagementEvent {
}
