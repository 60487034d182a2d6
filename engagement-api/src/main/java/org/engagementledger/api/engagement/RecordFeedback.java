package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.RequirementId;

/**
 * Records feedback from frontline staff, rights-holders or a citizen panel, optionally linked to a requirement.
 * {@code givenBy} names the data subject the observation and the contact details belong to (for anonymous
 * feedback, a fresh {@link DataSubjectId#random()}); they are stored encrypted with that subject's key.
 */
public record RecordFeedback(
        @NotNull EngagementId engagementId,
        @NotNull FeedbackId feedbackId,
        @NotNull FeedbackSource source,
        @NotBlank @Size(max = Limits.TEXT) String observation,
        RequirementId linkedRequirement,
        @NotNull DataSubjectId givenBy,
        @Size(max = Limits.NAME) String givenByName,
        @Size(max = Limits.NAME) String givenByContact) implements EngagementCommand {
}
