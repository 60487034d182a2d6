package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.RequirementId;

/**
 * The agency accepts a submitted fulfilment against the requirement's current acceptance criteria.
 */
public record AcceptFulfilment(
        @NotNull EngagementId engagementId,
        @NotNull RequirementId requirementId,
        @NotBlank @Size(max = Limits.TEXT) String assessment) implements EngagementCommand {
}
