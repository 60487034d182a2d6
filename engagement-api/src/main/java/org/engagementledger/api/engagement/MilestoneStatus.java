package org.engagementledger.api.engagement;

/** Milestone status, as in the OCDS milestoneStatus codelist. */
public enum MilestoneStatus {
    SCHEDULED,
    MET,
    NOT_MET,
    PARTIALLY_MET
}
