package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;

import java.util.Objects;

/** Asks for one engagement's {@link RequirementTrace}; the answer is empty when the read models do not know the engagement. */
public record FindRequirementTrace(EngagementId engagementId) {

    public FindRequirementTrace {
        Objects.requireNonNull(engagementId, "engagementId must not be null");
    }
}
