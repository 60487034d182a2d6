package org.engagementledger.api.query;

/** Asks for the {@link AgencyPortfolio} of one buyer, named by its party id. */
public record FindAgencyPortfolio(String buyerId) {

    public FindAgencyPortfolio {
        if (buyerId == null || buyerId.isBlank()) {
            throw new IllegalArgumentException("buyerId must not be blank");
        }
    }
}
