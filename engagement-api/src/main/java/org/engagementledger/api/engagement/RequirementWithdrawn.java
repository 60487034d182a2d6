package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;

/**
 * A requirement was withdrawn and no longer binds the supplier.
 */
@Revision("1")
public record RequirementWithdrawn(
        EngagementId engagementId,
        RequirementId requirementId,
        String reason) implements EngagementEvent {
}
