package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.engagement.EngagementStatus;

/** An engagement that is commissioned or active, with its ceiling and committed cost. */
public record OpenEngagement(
        EngagementId engagementId,
        String title,
        Party supplier,
        EngagementStatus status,
        Money ceiling,
        Money committed) {
}
