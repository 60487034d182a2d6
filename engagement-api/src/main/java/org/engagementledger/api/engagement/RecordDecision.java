package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * Records a decision with its rationale; the actor is the decider. Agency roles only.
 */
public record RecordDecision(
        @NotNull EngagementId engagementId,
        @NotBlank @Size(max = Limits.TITLE) String subject,
        @NotBlank @Size(max = Limits.TEXT) String rationale,
        @NotNull LocalDate decidedOn) implements EngagementCommand {
}
