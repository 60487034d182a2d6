package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;

import java.util.List;

/** Every piece of feedback of an engagement, in the order it was received, with its answer. */
public record FeedbackLog(EngagementId engagementId, List<FeedbackEntry> feedback) {

    public FeedbackLog {
        feedback = List.copyOf(feedback);
    }
}
