package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;

/**
 * The agency assessed the level a team has reached for a target; the actor is the assessor.
 */
@Revision("1")
public record CapabilityAssessed(
        EngagementId engagementId,
        CapabilityTargetId targetId,
        int level,
        String evidence) implements EngagementEvent {
}
