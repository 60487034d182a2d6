package org.engagementledger.api;

/** Identifies a milestone or deliverable within its engagement. */
public record MilestoneId(String value) implements Identifier {

    public MilestoneId {
        Identifier.checked(value, "MilestoneId");
    }

    public static MilestoneId of(String value) {
        return new MilestoneId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
