package org.engagementledger.api.engagement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;

/**
 * An expense was recorded and counts as committed cost.
 */
@Revision("1")
public record ExpenseRecorded(
        EngagementId engagementId,
        CostLineId costLineId,
        LocalDate date,
        Money amount,
        CostCategory category,
        String description) implements EngagementEvent {
}
