package org.engagementledger.api.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.NonNegativeMoney;

/** The in-house alternative considered before hiring a consultant, with its estimated cost (auditor question 1). */
public record InHouseAlternative(
        @NotBlank @Size(max = Limits.TEXT) String description,
        @NotNull @Valid @NonNegativeMoney Money estimatedCost) {
}
