package org.engagementledger.api.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;

/**
 * One knowledge-transfer activity took place for a target.
 */
@Revision("1")
public record TransferActivityRecorded(
        EngagementId engagementId,
        CapabilityTargetId targetId,
        TransferActivityKind kind,
        LocalDate date,
        BigDecimal hours,
        int participants,
        String description) implements EngagementEvent {
}
