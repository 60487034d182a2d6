package org.engagementledger.api.query;

/** Whether a cost line is a time entry or an expense. */
public enum CostLineKind {
    TIME,
    EXPENSE
}
