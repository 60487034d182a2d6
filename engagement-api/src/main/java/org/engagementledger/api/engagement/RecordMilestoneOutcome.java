package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.MilestoneId;

/**
 * Records whether a milestone was met, not met or partially met; the actor is who accepted it.
 */
public record RecordMilestoneOutcome(
        @NotNull EngagementId engagementId,
        @NotNull MilestoneId milestoneId,
        @NotNull MilestoneStatus status,
        LocalDate dateMet,
        @Size(max = Limits.TEXT) String note) implements EngagementCommand {
}
