package org.engagementledger.api.engagement;

/** Where feedback came from. */
public enum FeedbackSource {
    FRONTLINE_STAFF,
    RIGHTS_HOLDER,
    CITIZEN_PANEL
}
