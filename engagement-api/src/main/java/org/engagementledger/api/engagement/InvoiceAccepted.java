package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Money;

/**
 * The agency accepted an invoice for payment.
 */
@Revision("1")
public record InvoiceAccepted(
        EngagementId engagementId,
        InvoiceId invoiceId,
        Money amount) implements EngagementEvent {
}
