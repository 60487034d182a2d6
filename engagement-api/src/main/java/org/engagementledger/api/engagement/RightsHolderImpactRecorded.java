package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;

/**
 * How the engagement affects a rights-holder group, how they took part and whether discrimination was assessed.
 */
@Revision("1")
public record RightsHolderImpactRecorded(
        EngagementId engagementId,
        String group,
        List<String> rightsEngaged,
        String participation,
        NonDiscriminationAssessment assessment,
        String assessmentNote,
        String remedyChannel) implements EngagementEvent {
}
