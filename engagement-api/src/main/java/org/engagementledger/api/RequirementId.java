package org.engagementledger.api;

/** Identifies a requirement within its engagement; chosen by whoever states it. */
public record RequirementId(String value) implements Identifier {

    public RequirementId {
        Identifier.checked(value, "RequirementId");
    }

    public static RequirementId of(String value) {
        return new RequirementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
