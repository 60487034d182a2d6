package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.AmendmentId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;

/**
 * The budget ceiling was amended; the actor approved it at the request of {@code requestedBy}.
 */
@Revision("1")
public record CeilingAmended(
        EngagementId engagementId,
        AmendmentId amendmentId,
        Money previousCeiling,
        Money newCeiling,
        String rationale,
        String requestedBy) implements EngagementEvent {
}
