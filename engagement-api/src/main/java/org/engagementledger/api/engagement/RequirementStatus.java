package org.engagementledger.api.engagement;

/** Where a requirement stands: open, fulfilment submitted by the supplier, accepted or rejected by the agency, or withdrawn. */
public enum RequirementStatus {
    OPEN,
    FULFILMENT_SUBMITTED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN
}
