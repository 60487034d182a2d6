package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;

/**
 * A requirement was revised to {@code version}; the requirement is open again.
 */
@Revision("1")
public record RequirementRevised(
        EngagementId engagementId,
        RequirementId requirementId,
        int version,
        String outcome,
        List<String> acceptanceCriteria,
        String verificationMethod,
        String reason,
        boolean lacksAcceptanceCriteria) implements EngagementEvent {
}
