package org.engagementledger.api.engagement;

/** What a cost line was spent on; capability transfer is priced as its own category. */
public enum CostCategory {
    DELIVERY,
    CAPABILITY_TRANSFER,
    ADMINISTRATION
}
