package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * Declares a conflict of interest with its mitigation, before award or discovered later.
 */
public record DeclareConflictOfInterest(
        @NotNull EngagementId engagementId,
        @NotBlank @Size(max = Limits.NAME) String declarant,
        @NotNull ConflictNature nature,
        @NotBlank @Size(max = Limits.TEXT) String description,
        @NotBlank @Size(max = Limits.TEXT) String mitigation,
        @NotNull DeclarationTiming timing) implements EngagementCommand {
}
