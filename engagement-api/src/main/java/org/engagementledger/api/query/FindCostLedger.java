package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;

import java.util.Objects;

/** Asks for one engagement's {@link CostLedger}; the answer is empty when the read models do not know the engagement. */
public record FindCostLedger(EngagementId engagementId) {

    public FindCostLedger {
        Objects.requireNonNull(engagementId, "engagementId must not be null");
    }
}
