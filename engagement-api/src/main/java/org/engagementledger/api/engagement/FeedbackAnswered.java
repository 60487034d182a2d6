package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;

/**
 * The agency answered feedback; the actor is who decided.
 */
@Revision("1")
public record FeedbackAnswered(
        EngagementId engagementId,
        FeedbackId feedbackId,
        String response,
        String decision) implements EngagementEvent {
}
