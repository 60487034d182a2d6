package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.PositiveMoney;
import org.engagementledger.api.RequirementId;

/**
 * The supplier registers an invoice, naming the requirements (deliverables) it bills for.
 */
public record RegisterInvoice(
        @NotNull EngagementId engagementId,
        @NotNull InvoiceId invoiceId,
        @NotNull LocalDate issued,
        @NotNull @PositiveMoney Money amount,
        @NotNull @Size(max = Limits.LIST) List<@NotNull RequirementId> billedRequirements) implements EngagementCommand {
}
