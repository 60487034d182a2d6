package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.CostCategory;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every cost line of an engagement in the order recorded, with totals.
 *
 * @param totalsByCategory          the sum per category; every category is present, zero when none
 * @param total                     the sum of all lines (the committed cost)
 * @param capabilityTransferPercent the share of {@code total} spent on
 *                                  {@link CostCategory#CAPABILITY_TRANSFER}, in percent, rounded half-up
 *                                  to one decimal; {@code 0.0} when nothing was spent
 */
public record CostLedger(
        EngagementId engagementId,
        List<CostLine> lines,
        Map<CostCategory, Money> totalsByCategory,
        Money total,
        BigDecimal capabilityTransferPercent) {

    public CostLedger {
        lines = List.copyOf(lines);
        EnumMap<CostCategory, Money> totals = new EnumMap<>(CostCategory.class);
        totals.putAll(totalsByCategory);
        totalsByCategory = Collections.unmodifiableMap(totals);
    }
}
