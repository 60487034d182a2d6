package org.engagementledger.sample.bench;

/**
 * A target a measured value must reach, e.g. "the ledger appends at 0.95x the raw JDBC rate or more"
 * or "an engagement of 100,000 events loads in 5 ms or less".
 *
 * @param name        what is compared, e.g. {@code append-1-client ratio}
 * @param description the goal in words, as the issue states it
 * @param limit       the bound the value must reach
 * @param value       the measured value
 * @param atMost      {@code true}: the value must be at most {@code limit}; {@code false}: at least
 */
public record Goal(String name, String description, double limit, double value, boolean atMost) {

    /** A goal the value must reach or exceed. */
    public Goal(String name, String description, double minimum, double value) {
        this(name, description, minimum, value, false);
    }

    /** A goal the value must not exceed. */
    public static Goal atMost(String name, String description, double maximum, double value) {
        return new Goal(name, description, maximum, value, true);
    }

    public boolean met() {
        return atMost ? value <= limit : value >= limit;
    }

    /** {@code ">="} or {@code "<="}. */
    public String comparison() {
        return atMost ? "<=" : ">=";
    }
}
