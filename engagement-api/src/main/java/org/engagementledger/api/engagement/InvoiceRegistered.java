package org.engagementledger.api.engagement;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;

/**
 * The supplier registered an invoice. {@code backedByAcceptedDeliverable} is false when none of the
 * billed requirements had an accepted fulfilment at the time (a red flag).
 */
@Revision("1")
public record InvoiceRegistered(
        EngagementId engagementId,
        InvoiceId invoiceId,
        LocalDate issued,
        Money amount,
        List<RequirementId> billedRequirements,
        boolean backedByAcceptedDeliverable) implements EngagementEvent {
}
