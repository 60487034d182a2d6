package org.engagementledger.api.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.NonNegativeMoney;

/**
 * The agency's evaluation when an engagement completes: outcomes against the intended outcome,
 * benefits realised and costs avoided (co-creation counts too), supplier performance, whether the
 * agency can now do the work without the supplier, and lessons learned.
 */
public record Evaluation(
        @NotBlank @Size(max = Limits.TEXT) String outcomesAgainstTargets,
        @NotBlank @Size(max = Limits.TEXT) String benefitsRealised,
        @NotNull @Valid @NonNegativeMoney Money costsAvoided,
        @NotBlank @Size(max = Limits.TEXT) String supplierPerformance,
        boolean agencyCanContinueAlone,
        @NotBlank @Size(max = Limits.TEXT) String lessonsLearned) {
}
