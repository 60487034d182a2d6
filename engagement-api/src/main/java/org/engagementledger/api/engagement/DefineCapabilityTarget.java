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
 * Defines a capability the agency's team must gain, from a baseline to a target level (0 to 5,
 * target above baseline). Agency roles only.
 */
public record DefineCapabilityTarget(
        @NotNull EngagementId engagementId,
        @NotNull CapabilityTargetId targetId,
        @NotBlank @Size(max = Limits.NAME) String capability,
        @NotBlank @Size(max = Limits.NAME) String recipientTeam,
        @Min(0) @Max(5) int baselineLevel,
        @Min(0) @Max(5) int targetLevel) implements EngagementCommand {
}
