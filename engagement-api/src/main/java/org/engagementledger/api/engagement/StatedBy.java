package org.engagementledger.api.engagement;

/** Who stated a requirement (its provenance, independent of who recorded it). */
public enum StatedBy {
    AGENCY_UNIT,
    FRONTLINE_STAFF,
    RIGHTS_HOLDER,
    CONSULTANT
}
