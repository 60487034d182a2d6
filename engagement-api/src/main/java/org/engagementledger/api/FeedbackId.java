package org.engagementledger.api;

/** Identifies one piece of feedback within its engagement. */
public record FeedbackId(String value) implements Identifier {

    public FeedbackId {
        Identifier.checked(value, "FeedbackId");
    }

    public static FeedbackId of(String value) {
        return new FeedbackId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
