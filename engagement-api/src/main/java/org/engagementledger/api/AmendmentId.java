package org.engagementledger.api;

/** Identifies a budget-ceiling amendment; assigned by the ledger in order (amendment-1, ...). */
public record AmendmentId(String value) implements Identifier {

    public AmendmentId {
        Identifier.checked(value, "AmendmentId");
    }

    public static AmendmentId of(String value) {
        return new AmendmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
