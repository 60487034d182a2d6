package org.engagementledger.api.engagement;

/** Outcome of the non-discrimination assessment for a rights-holder group. */
public enum NonDiscriminationAssessment {
    NOT_ASSESSED,
    NO_RISK_FOUND,
    RISK_MITIGATED,
    RISK_ACCEPTED
}
