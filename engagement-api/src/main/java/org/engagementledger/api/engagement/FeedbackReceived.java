package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.RequirementId;

/**
 * Feedback arrived from frontline staff, rights-holders or a citizen panel. The observation, and the
 * name and contact details of who gave it, are personal data of {@code givenBy}: stored encrypted with
 * that subject's key and read as {@link PersonalData#REPLACEMENT} once the subject is erased.
 *
 * <p>Revision 2 added {@code givenBy}, {@code givenByName} and {@code givenByContact} and stores the
 * observation encrypted; revision-1 events are upcast with {@code null} for the three (their
 * observation was stored in plain text and is read as stored) by {@code FeedbackReceivedUpcaster}.
 */
@Revision("2")
public record FeedbackReceived(
        EngagementId engagementId,
        FeedbackId feedbackId,
        FeedbackSource source,
        @PersonalData(subject = "givenBy") String observation,
        RequirementId linkedRequirement,
        DataSubjectId givenBy,
        @PersonalData(subject = "givenBy") String givenByName,
        @PersonalData(subject = "givenBy") String givenByContact) implements EngagementEvent {
}
