package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.engagementledger.api.EngagementId;

/**
 * Records the award: the contract was signed and the engagement is active. Agency buyer only.
 */
public record ActivateEngagement(
        @NotNull EngagementId engagementId,
        @NotNull LocalDate contractSigned) implements EngagementCommand {
}
