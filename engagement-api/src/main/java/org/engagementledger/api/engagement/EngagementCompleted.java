package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;

/**
 * The engagement was completed with the agency's evaluation. {@code capabilityAchieved} and
 * {@code finalCost} are computed by the ledger at the moment of completion.
 */
@Revision("1")
public record EngagementCompleted(
        EngagementId engagementId,
        Evaluation evaluation,
        List<CapabilityAchievement> capabilityAchieved,
        Money finalCost) implements EngagementEvent {
}
