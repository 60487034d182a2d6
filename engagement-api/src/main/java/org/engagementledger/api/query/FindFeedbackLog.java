package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;

import java.util.Objects;

/** Asks for one engagement's {@link FeedbackLog}; the answer is empty when the read models do not know the engagement. */
public record FindFeedbackLog(EngagementId engagementId) {

    public FindFeedbackLog {
        Objects.requireNonNull(engagementId, "engagementId must not be null");
    }
}
