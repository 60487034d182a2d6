package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.Limits;

/**
 * Closes the loop on feedback: the agency's response and, optionally, the decision taken. Agency roles only.
 */
public record RespondToFeedback(
        @NotNull EngagementId engagementId,
        @NotNull FeedbackId feedbackId,
        @NotBlank @Size(max = Limits.TEXT) String response,
        @Size(max = Limits.TEXT) String decision) implements EngagementCommand {
}
