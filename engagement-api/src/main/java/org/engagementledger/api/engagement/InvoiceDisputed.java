package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;

/**
 * The agency disputed an invoice.
 */
@Revision("1")
public record InvoiceDisputed(
        EngagementId engagementId,
        InvoiceId invoiceId,
        String reason) implements EngagementEvent {
}
