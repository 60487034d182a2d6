package org.engagementledger.api;

/** Identifies a conflict-of-interest declaration; assigned by the ledger in order (coi-1, ...). */
public record DeclarationId(String value) implements Identifier {

    public DeclarationId {
        Identifier.checked(value, "DeclarationId");
    }

    public static DeclarationId of(String value) {
        return new DeclarationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
