package org.engagementledger.api.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.engagementledger.api.EngagementId;

/**
 * Completes an active engagement with the agency's evaluation. Agency buyer only; refused while a
 * fulfilment awaits the agency's decision.
 */
public record CompleteEngagement(
        @NotNull EngagementId engagementId,
        @NotNull @Valid Evaluation evaluation) implements EngagementCommand {
}
