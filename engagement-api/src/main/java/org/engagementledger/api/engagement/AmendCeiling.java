package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.PositiveMoney;

/**
 * Amends the budget ceiling with a rationale; the amendment records the value before and after, who
 * requested it, and (as the actor) who approved it. Agency buyer only; never below committed cost.
 */
public record AmendCeiling(
        @NotNull EngagementId engagementId,
        @NotNull @PositiveMoney Money newCeiling,
        @NotBlank @Size(max = Limits.TEXT) String rationale,
        @NotBlank @Size(max = Limits.NAME) String requestedBy) implements EngagementCommand {
}
