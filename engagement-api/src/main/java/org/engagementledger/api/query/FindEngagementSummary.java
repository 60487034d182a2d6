package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;

import java.util.Objects;

/** Asks for one engagement's {@link EngagementSummary}; the answer is empty when the read models do not know the engagement. */
public record FindEngagementSummary(EngagementId engagementId) {

    public FindEngagementSummary {
        Objects.requireNonNull(engagementId, "engagementId must not be null");
    }
}
