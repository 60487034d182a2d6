package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.MilestoneId;

/**
 * Schedules a milestone or deliverable, due within the engagement period. Agency roles only.
 */
public record ScheduleMilestone(
        @NotNull EngagementId engagementId,
        @NotNull MilestoneId milestoneId,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotNull LocalDate dueDate) implements EngagementCommand {
}
