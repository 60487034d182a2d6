package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;

/**
 * How the engagement affects a rights-holder group, how they took part and whether discrimination was
 * assessed. {@code participants} names the individual rights-holders who took part; their names,
 * contact details and notes are personal data (see {@link Participant}).
 *
 * <p>{@code participants} was added as a compatible change (revision 1 kept): events stored before it
 * have none, which reads as an empty list.
 */
@Revision("1")
public record RightsHolderImpactRecorded(
        EngagementId engagementId,
        String group,
        List<String> rightsEngaged,
        String participation,
        NonDiscriminationAssessment assessment,
        String assessmentNote,
        String remedyChannel,
        List<Participant> participants) implements EngagementEvent {

    public RightsHolderImpactRecorded {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
