package org.engagementledger.audit;

/** How much a red flag matters; reports list the highest first. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH
}
