package org.engagementledger.api.engagement;

/** Whether a conflict of interest was declared before award or discovered later. */
public enum DeclarationTiming {
    BEFORE_AWARD,
    DISCOVERED_LATER
}
