package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.RequirementId;

/**
 * Revises an open or rejected requirement; the reason is kept and the version increments. Agency roles only.
 */
public record ReviseRequirement(
        @NotNull EngagementId engagementId,
        @NotNull RequirementId requirementId,
        @NotBlank @Size(max = Limits.TEXT) String outcome,
        @NotNull @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> acceptanceCriteria,
        @NotBlank @Size(max = Limits.TITLE) String verificationMethod,
        @NotBlank @Size(max = Limits.TEXT) String reason) implements EngagementCommand {
}
