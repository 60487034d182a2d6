package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;

/**
 * The agency rejected the fulfilment of {@code version}.
 */
@Revision("1")
public record FulfilmentRejected(
        EngagementId engagementId,
        RequirementId requirementId,
        int version,
        String reason) implements EngagementEvent {
}
