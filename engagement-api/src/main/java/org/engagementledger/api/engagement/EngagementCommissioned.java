package org.engagementledger.api.engagement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;

/**
 * An agency decided to hire a consultancy for an assignment. Carries the decision's justification
 * (reason, core work, in-house alternative with its cost) so that auditor questions 1 and 2 are
 * answered from this event alone.
 */
@Revision("1")
public record EngagementCommissioned(
        EngagementId engagementId,
        Party buyer,
        String buyerUnit,
        Party supplier,
        String title,
        String problem,
        String intendedOutcome,
        ConsultantReason reason,
        boolean coreWork,
        String coreWorkJustification,
        InHouseAlternative inHouseAlternative,
        List<String> rightsHolderGroups,
        Money ceiling,
        Period period,
        String procurementReference) implements EngagementEvent {
}
