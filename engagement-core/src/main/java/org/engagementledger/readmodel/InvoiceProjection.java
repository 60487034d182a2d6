package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.engagementledger.api.engagement.InvoiceAccepted;
import org.engagementledger.api.engagement.InvoiceDisputed;
import org.engagementledger.api.engagement.InvoiceRegistered;
import org.engagementledger.api.engagement.InvoiceStatus;

/**
 * Projects invoices and their status into {@code rm_invoice}; the summary sums them by status.
 *
 * <p>Replay-safe: an invoice is inserted once, and its status only changes for an event with a higher
 * sequence number than the last one applied ({@code last_sequence}).
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class InvoiceProjection {

    private final ReadModelJdbc jdbc;

    public InvoiceProjection(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    @EventHandler
    public void on(InvoiceRegistered event, @SequenceNumber long sequence) {
        if (jdbc.exists("SELECT 1 FROM rm_invoice WHERE engagement_id = ? AND invoice_id = ?", event.engagementId(), event.invoiceId())) {
            return;
        }
        jdbc.update("INSERT INTO rm_invoice (engagement_id, invoice_id, issued, currency, amount, status,"
                        + " backed_by_accepted_deliverable, registered_sequence, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.engagementId(), event.invoiceId(), event.issued(), event.amount().currency(), event.amount().amount(),
                InvoiceStatus.REGISTERED, event.backedByAcceptedDeliverable(), sequence, sequence);
    }

    @EventHandler
    public void on(InvoiceAccepted event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE rm_invoice SET status = ?, last_sequence = ? WHERE engagement_id = ? AND invoice_id = ? AND last_sequence < ?",
                InvoiceStatus.ACCEPTED, sequence, event.engagementId(), event.invoiceId(), sequence);
    }

    @EventHandler
    public void on(InvoiceDisputed event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE rm_invoice SET status = ?, last_sequence = ? WHERE engagement_id = ? AND invoice_id = ? AND last_sequence < ?",
                InvoiceStatus.DISPUTED, sequence, event.engagementId(), event.invoiceId(), sequence);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM rm_invoice");
    }
}
