package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Party;

import java.util.List;

/**
 * A red flag: the same supplier engaged by one buyer in two or more engagements with a capability
 * target for the same capability (names compared trimmed and case-insensitively).
 *
 * @param capability    the capability as first named (trimmed)
 * @param engagementIds the engagements concerned, oldest first
 */
public record RepeatEngagement(Party supplier, String capability, List<EngagementId> engagementIds) {

    public RepeatEngagement {
        engagementIds = List.copyOf(engagementIds);
    }
}
