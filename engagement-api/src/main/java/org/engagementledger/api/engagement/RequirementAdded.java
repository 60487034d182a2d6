package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;

/**
 * A requirement was stated, as version 1. {@code lacksAcceptanceCriteria} is true when no criteria were
 * given (a red flag).
 */
@Revision("1")
public record RequirementAdded(
        EngagementId engagementId,
        RequirementId requirementId,
        String outcome,
        List<String> acceptanceCriteria,
        String verificationMethod,
        StatedBy statedBy,
        boolean lacksAcceptanceCriteria) implements EngagementEvent {
}
