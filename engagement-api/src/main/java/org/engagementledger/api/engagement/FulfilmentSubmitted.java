package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;

/**
 * The supplier submitted evidence that {@code version} of a requirement is fulfilled.
 */
@Revision("1")
public record FulfilmentSubmitted(
        EngagementId engagementId,
        RequirementId requirementId,
        int version,
        String evidence) implements EngagementEvent {
}
