package org.engagementledger.api;

/** The role an actor plays in an engagement; the aggregate decides what each role may do. */
public enum Role {
    /** The agency official who commissions, approves costs and closes the engagement. */
    AGENCY_BUYER,
    /** Agency staff: state requirements, accept deliverables, assess capability, answer feedback. */
    AGENCY_STAFF,
    /** The supplier's consultant: delivers, logs time and expenses, invoices. */
    CONSULTANT,
    /** An auditor: reads everything and may only add notes. */
    AUDITOR;

    public boolean isAgency() {
        return this == AGENCY_BUYER || this == AGENCY_STAFF;
    }
}
