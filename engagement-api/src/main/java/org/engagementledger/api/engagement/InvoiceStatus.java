package org.engagementledger.api.engagement;

/** Where an invoice stands. A disputed invoice may later be accepted; an accepted one is final. */
public enum InvoiceStatus {
    REGISTERED,
    ACCEPTED,
    DISPUTED
}
