package org.engagementledger.api.engagement;

/** The nature of a declared conflict of interest. */
public enum ConflictNature {
    ACTUAL,
    POTENTIAL,
    PERCEIVED
}
