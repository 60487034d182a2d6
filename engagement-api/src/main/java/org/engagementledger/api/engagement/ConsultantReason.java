package org.engagementledger.api.engagement;

/** Why a consultant was used rather than agency staff (the three accepted reasons). */
public enum ConsultantReason {
    INDEPENDENT_ASSESSMENT,
    SPECIALISED_SKILLS,
    SKILLS_NOT_AVAILABLE_IN_HOUSE
}
