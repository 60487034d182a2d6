package org.engagementledger.api.engagement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * Records an assessment of the level the recipient team has reached, with evidence. Agency roles only.
 */
public record AssessCapability(
        @NotNull EngagementId engagementId,
        @NotNull CapabilityTargetId targetId,
        @Min(0) @Max(5) int level,
        @NotBlank @Size(max = Limits.TEXT) String evidence) implements EngagementCommand {
}
