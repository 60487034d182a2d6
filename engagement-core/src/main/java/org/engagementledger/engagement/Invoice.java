package org.engagementledger.engagement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.InvoiceAccepted;
import org.engagementledger.api.engagement.InvoiceDisputed;
import org.engagementledger.api.engagement.InvoiceRegistered;
import org.engagementledger.api.engagement.InvoiceStatus;

import java.util.Objects;

/** An invoice of an engagement, as an aggregate member. A disputed invoice may still be accepted; an accepted one is final. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Invoice {

    @EntityId
    private InvoiceId invoiceId;
    private Money amount;
    private InvoiceStatus status;

    Invoice() {
        // for snapshots
    }

    Invoice(InvoiceRegistered event) {
        this.invoiceId = event.invoiceId();
        this.amount = event.amount();
        this.status = InvoiceStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(InvoiceAccepted event) {
        status = InvoiceStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(InvoiceDisputed event) {
        status = InvoiceStatus.DISPUTED;
    }

    Money amount() {
        return amount;
    }

    InvoiceStatus status() {
        return status;
    }

    /** Value equality over all state, so that tests can compare a working aggregate with a sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Invoice that && Objects.equals(invoiceId, that.invoiceId) && Objects.equals(amount, that.amount) && Objects.equals(status, that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceId, amount, status);
    }
}
