package org.engagementledger.api;

/** Identifies a capability-transfer target within its engagement. */
public record CapabilityTargetId(String value) implements Identifier {

    public CapabilityTargetId {
        Identifier.checked(value, "CapabilityTargetId");
    }

    public static CapabilityTargetId of(String value) {
        return new CapabilityTargetId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
