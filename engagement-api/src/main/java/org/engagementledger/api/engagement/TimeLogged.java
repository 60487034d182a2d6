package org.engagementledger.api.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;

/**
 * Hours worked were logged; {@code amount} is hours times rate at the currency's scale and counts as committed cost.
 */
@Revision("1")
public record TimeLogged(
        EngagementId engagementId,
        CostLineId costLineId,
        String person,
        String personRole,
        LocalDate date,
        BigDecimal hours,
        Money hourlyRate,
        Money amount,
        CostCategory category,
        RequirementId requirementId,
        String description) implements EngagementEvent {
}
