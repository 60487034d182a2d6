package org.engagementledger.api.query;

import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.FeedbackSource;

import java.time.Instant;

/**
 * One piece of feedback and its answer. {@code observation}, {@code givenByName} and {@code givenByContact}
 * are personal data of {@code givenBy}: once the subject is erased they read {@link PersonalData#REPLACEMENT}
 * ({@code null} stays {@code null}). The answer fields are {@code null} while unanswered.
 */
public record FeedbackEntry(
        FeedbackId feedbackId,
        FeedbackSource source,
        String observation,
        RequirementId linkedRequirement,
        DataSubjectId givenBy,
        String givenByName,
        String givenByContact,
        Actor recordedBy,
        Instant receivedAt,
        String response,
        String decision,
        Actor answeredBy,
        Instant answeredAt) {
}
