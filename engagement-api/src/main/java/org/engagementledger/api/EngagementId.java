package org.engagementledger.api;

/** Identifies one engagement (one consultant assignment); chosen by the host, e.g. a case number. */
public record EngagementId(String value) implements Identifier {

    public EngagementId {
        Identifier.checked(value, "EngagementId");
    }

    public static EngagementId of(String value) {
        return new EngagementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
