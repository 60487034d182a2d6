package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;

/**
 * A capability the agency's team must gain, from a baseline to a target level (0 to 5).
 */
@Revision("1")
public record CapabilityTargetDefined(
        EngagementId engagementId,
        CapabilityTargetId targetId,
        String capability,
        String recipientTeam,
        int baselineLevel,
        int targetLevel) implements EngagementEvent {
}
