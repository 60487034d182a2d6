package org.engagementledger.audit;

/**
 * The red flags computed from an engagement's history (the list in the domain notes, plus
 * {@link #HISTORY_INCONSISTENT} for histories the ledger's own rules would not have written).
 * Thresholds are in {@link RedFlagThresholds}.
 */
public enum RedFlagCode {
    /** Amendments grew the ceiling by more than {@link RedFlagThresholds#amendmentGrowthPercent()} of the original ceiling (net). */
    AMENDMENT_GROWTH,
    /** An invoice was registered while none of its billed requirements had an accepted fulfilment (HIGH once accepted for payment). */
    INVOICE_WITHOUT_ACCEPTED_DELIVERABLE,
    /** A conflict of interest was declared after the award (timing DISCOVERED_LATER, or recorded after activation). */
    CONFLICT_DECLARED_AFTER_AWARD,
    /** At completion or termination, a capability target's latest assessment was below its target level (or missing). */
    CAPABILITY_TARGET_UNMET_AT_CLOSE,
    /** The same supplier was engaged by the same buyer in another engagement with a target for the same capability. */
    REPEAT_ENGAGEMENT,
    /** A requirement (not withdrawn) has no acceptance criteria in its current version. */
    REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA,
    /** More than {@link RedFlagThresholds#consultantStatedPercent()} of the requirements were stated by the consultant. */
    REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT,
    /** Time or expenses dated outside the engagement period, or recorded after the engagement closed. */
    TIME_LOGGED_OUTSIDE_PERIOD,
    /** The engagement is core work of the agency (HIGH when no justification was recorded). */
    CORE_WORK_OUTSOURCED,
    /** No in-house alternative with a cost above zero was recorded before deciding. */
    NO_IN_HOUSE_COST_COMPARISON,
    /** Feedback was still unanswered when the engagement was completed or terminated. */
    FEEDBACK_UNANSWERED_AT_CLOSE,
    /** The history contains facts the ledger's rules forbid or that contradict a recomputation (see the state's anomalies). */
    HISTORY_INCONSISTENT
}
