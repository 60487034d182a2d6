package org.engagementledger.sample.bench;

/**
 * A target a measured value must reach, e.g. "the ledger appends at 0.95x the raw JDBC rate or more".
 *
 * @param name        what is compared, e.g. {@code append-1-client ratio}
 * @param description the goal in words, as the issue states it
 * @param minimum     the value must be at least this
 * @param value       the measured value
 */
public record Goal(String name, String description, double minimum, double value) {

    public boolean met() {
        return value >= minimum;
    }
}
