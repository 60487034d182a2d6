package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.RequirementId;

/**
 * States a requirement as an outcome with acceptance criteria. A requirement without criteria is
 * accepted but flagged. Agency roles may record requirements of any provenance; a consultant may only
 * record requirements stated by the consultant.
 */
public record AddRequirement(
        @NotNull EngagementId engagementId,
        @NotNull RequirementId requirementId,
        @NotBlank @Size(max = Limits.TEXT) String outcome,
        @NotNull @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> acceptanceCriteria,
        @NotBlank @Size(max = Limits.TITLE) String verificationMethod,
        @NotNull StatedBy statedBy) implements EngagementCommand {
}
