package org.engagementledger.api;

/** Identifies a recorded decision; assigned by the ledger in order (decision-1, ...). */
public record DecisionId(String value) implements Identifier {

    public DecisionId {
        Identifier.checked(value, "DecisionId");
    }

    public static DecisionId of(String value) {
        return new DecisionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
