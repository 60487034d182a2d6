package org.engagementledger.api.query;

import org.engagementledger.api.Money;
import org.engagementledger.api.Party;

/**
 * What one buyer has committed to one supplier, in one currency, over all their engagements.
 *
 * @param engagements how many engagements of the buyer (in this currency) went to the supplier
 */
public record SupplierSpend(Party supplier, Money committed, int engagements) {
}
