package org.engagementledger.api;

/** Identifies an invoice within its engagement (the supplier's invoice number is a good choice). */
public record InvoiceId(String value) implements Identifier {

    public InvoiceId {
        Identifier.checked(value, "InvoiceId");
    }

    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
