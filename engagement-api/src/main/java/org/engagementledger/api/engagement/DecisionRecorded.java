package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.DecisionId;
import org.engagementledger.api.EngagementId;

/**
 * A decision was taken; the actor is the decider.
 */
@Revision("1")
public record DecisionRecorded(
        EngagementId engagementId,
        DecisionId decisionId,
        String subject,
        String rationale) implements EngagementEvent {
}
