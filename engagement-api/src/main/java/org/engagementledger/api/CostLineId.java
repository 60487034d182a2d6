package org.engagementledger.api;

/** Identifies a time entry or expense; assigned by the ledger in order (cost-1, cost-2, ...). */
public record CostLineId(String value) implements Identifier {

    public CostLineId {
        Identifier.checked(value, "CostLineId");
    }

    public static CostLineId of(String value) {
        return new CostLineId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
