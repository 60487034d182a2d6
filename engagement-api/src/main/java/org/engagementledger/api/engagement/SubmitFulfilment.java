package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.RequirementId;

/**
 * The supplier submits evidence that a requirement is fulfilled. Consultant only, active engagement only.
 */
public record SubmitFulfilment(
        @NotNull EngagementId engagementId,
        @NotNull RequirementId requirementId,
        @NotBlank @Size(max = Limits.TEXT) String evidence) implements EngagementCommand {
}
