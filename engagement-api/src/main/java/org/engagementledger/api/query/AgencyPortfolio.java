package org.engagementledger.api.query;

import java.util.List;

/**
 * One buyer's engagements seen together. A buyer the read models do not know has an empty portfolio.
 *
 * @param spendPerSupplier   committed cost per supplier (and currency), ordered by supplier id
 * @param openEngagements    engagements neither completed nor terminated, oldest first
 * @param repeatEngagements  suppliers engaged two or more times by this buyer for the same capability
 */
public record AgencyPortfolio(
        String buyerId,
        List<SupplierSpend> spendPerSupplier,
        List<OpenEngagement> openEngagements,
        List<RepeatEngagement> repeatEngagements) {

    public AgencyPortfolio {
        spendPerSupplier = List.copyOf(spendPerSupplier);
        openEngagements = List.copyOf(openEngagements);
        repeatEngagements = List.copyOf(repeatEngagements);
    }
}
