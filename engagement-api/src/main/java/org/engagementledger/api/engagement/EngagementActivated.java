package org.engagementledger.api.engagement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;

/**
 * The contract was signed (the award in OCDS terms); from now on cost may be recorded.
 */
@Revision("1")
public record EngagementActivated(
        EngagementId engagementId,
        LocalDate contractSigned) implements EngagementEvent {
}
