package org.engagementledger.api.query;

/** What happened in one step of a requirement's fulfilment history. */
public enum FulfilmentAction {
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN
}
