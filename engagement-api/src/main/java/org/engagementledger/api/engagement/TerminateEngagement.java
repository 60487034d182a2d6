package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * Terminates an engagement before completion, with the reason. Agency buyer only.
 */
public record TerminateEngagement(
        @NotNull EngagementId engagementId,
        @NotBlank @Size(max = Limits.TEXT) String reason) implements EngagementCommand {
}
