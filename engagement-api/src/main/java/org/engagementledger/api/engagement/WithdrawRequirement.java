package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.RequirementId;

/**
 * Withdraws a requirement that has not been accepted. Agency buyer only.
 */
public record WithdrawRequirement(
        @NotNull EngagementId engagementId,
        @NotNull RequirementId requirementId,
        @NotBlank @Size(max = Limits.TEXT) String reason) implements EngagementCommand {
}
