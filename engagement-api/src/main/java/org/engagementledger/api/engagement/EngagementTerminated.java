package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;

/**
 * The engagement was terminated before completion.
 */
@Revision("1")
public record EngagementTerminated(
        EngagementId engagementId,
        String reason,
        Money finalCost) implements EngagementEvent {
}
