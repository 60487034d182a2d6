package org.engagementledger.api.engagement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.MilestoneId;

/**
 * A milestone or deliverable was scheduled.
 */
@Revision("1")
public record MilestoneScheduled(
        EngagementId engagementId,
        MilestoneId milestoneId,
        String title,
        LocalDate dueDate) implements EngagementEvent {
}
