package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Limits;

/**
 * The agency disputes a registered invoice, with its reason. Agency buyer only.
 */
public record DisputeInvoice(
        @NotNull EngagementId engagementId,
        @NotNull InvoiceId invoiceId,
        @NotBlank @Size(max = Limits.TEXT) String reason) implements EngagementCommand {
}
