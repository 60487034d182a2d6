package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;

/**
 * The agency accepted the fulfilment of {@code version} against the listed acceptance criteria.
 */
@Revision("1")
public record FulfilmentAccepted(
        EngagementId engagementId,
        RequirementId requirementId,
        int version,
        List<String> acceptanceCriteria,
        String assessment) implements EngagementEvent {
}
