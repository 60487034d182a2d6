package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.RequirementId;

/**
 * Feedback arrived from frontline staff, rights-holders or a citizen panel.
 */
@Revision("1")
public record FeedbackReceived(
        EngagementId engagementId,
        FeedbackId feedbackId,
        FeedbackSource source,
        String observation,
        RequirementId linkedRequirement) implements EngagementEvent {
}
