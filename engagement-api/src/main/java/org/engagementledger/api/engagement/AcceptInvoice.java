package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotNull;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;

/**
 * The agency accepts an invoice (also one it disputed earlier). Agency buyer only.
 */
public record AcceptInvoice(
        @NotNull EngagementId engagementId,
        @NotNull InvoiceId invoiceId) implements EngagementCommand {
}
